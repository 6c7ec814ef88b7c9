/**
 * "Preview PDF" (POST /api/permits/preview): the form's request printed as the permit would
 * be, marked as a preview, consuming nothing on the agent. A refusal is the API's, with the
 * same findings as issuing, so the form shows it the same way.
 *
 * The PDF is handed to the browser as a download from a blob: URL (as the permit page does):
 * a navigation to a download, which the console's CSP (src/http/routes/console-page.ts) does
 * not govern, so the CSP needs nothing added; no frame, object or new window shows it.
 */
import { api, type ApiResult } from '../../api.js';
import type { Lang } from '../../i18n.js';

export type PreviewResult = { ok: true; blob: Blob } | Extract<ApiResult<never>, { ok: false }>;

export async function requestPreview(request: unknown, lang: Lang): Promise<PreviewResult> {
  const result = await api<undefined>('POST', `/api/permits/preview?lang=${lang}`, request);
  if (!result.ok) return result;
  return { ok: true, blob: await result.response.blob() };
}

/** Starts the download of `url` under `name`. */
export function startDownload(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}
