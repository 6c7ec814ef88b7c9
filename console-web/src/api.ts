/**
 * The console's one way to the agent's API: same origin, the session cookie, and the
 * session's CSRF token on every request that changes something (docs/console-sign-in.md).
 * It never throws on an API refusal: a refusal is a value with the API's code, message and
 * findings, so that a screen can show it at its field.
 */
export interface Finding {
  code: string;
  path?: string;
  message: string;
  severity?: 'error' | 'warning';
}

export type ApiResult<T> =
  | { ok: true; status: number; body: T; response: Response }
  | { ok: false; status: number; code: string; message: string; errors: Finding[]; warnings: Finding[]; path?: string };

let csrfToken: string | undefined;

/** Set on sign-in and when a reloaded page reads its session again; cleared on sign-out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const SAFE = new Set(['GET', 'HEAD']);

/** What the console does when the server says the session is gone (the shell shows sign-in again). */
let onSessionLost: (() => void) | undefined;
export function whenSessionLost(handler: () => void): void {
  onSessionLost = handler;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken !== undefined) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, code: 'NETWORK', message: '', errors: [], warnings: [] };
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.ok) {
    const parsed = type.includes('json') ? ((await response.json()) as T) : (undefined as T);
    return { ok: true, status: response.status, body: parsed, response };
  }
  // The API's refusals are { error: { code, message, path?, errors?, warnings? } } (src/http/errors.ts).
  const answer = type.includes('json') ? ((await response.json().catch(() => ({}))) as { error?: Record<string, unknown> }) : {};
  const error = answer.error ?? {};
  const code = typeof error.code === 'string' ? error.code : `HTTP_${response.status}`;
  if (code === 'SESSION_EXPIRED' || (response.status === 401 && path !== '/api/session')) onSessionLost?.();
  return {
    ok: false,
    status: response.status,
    code,
    message: typeof error.message === 'string' ? error.message : '',
    errors: Array.isArray(error.errors) ? (error.errors as Finding[]) : [],
    warnings: Array.isArray(error.warnings) ? (error.warnings as Finding[]) : [],
    path: typeof error.path === 'string' ? error.path : undefined,
  };
}

/** A file answer (PDF, CSV) as a Blob, or the refusal. */
export async function download(path: string): Promise<{ ok: true; blob: Blob } | { ok: false; status: number }> {
  try {
    const response = await fetch(path, { credentials: 'same-origin' });
    if (!response.ok) return { ok: false, status: response.status };
    return { ok: true, blob: await response.blob() };
  } catch {
    return { ok: false, status: 0 };
  }
}
