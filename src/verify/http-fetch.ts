/**
 * Bounded fetching for the verifier: a time limit, a size limit, no redirects, no
 * cookies, and only URLs a verifier may follow (https, or http to a loopback host —
 * the same rule as did:web resolution).
 */
import type { FetchLike } from './did-web.js';

export type FetchedText = { ok: true; text: string; contentType: string | null } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True for https URLs, and http URLs whose host is loopback. */
export function isFetchableUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  const host = url.hostname;
  return url.protocol === 'http:' && (host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host));
}

/** Reads at most `maxBytes` of a body; undefined when it is larger. */
export async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return undefined;
  if (response.body === null) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.byteLength <= maxBytes ? bytes : undefined;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export interface FetchTextOptions {
  fetch: FetchLike;
  accept: string;
  maxBytes: number;
  timeoutMs: number;
}

/** GETs a URL as UTF-8 text. Never throws. */
export async function fetchText(url: string, opts: FetchTextOptions): Promise<FetchedText> {
  if (!isFetchableUrl(url)) return { ok: false, reason: `${url} is not an https address (or a local http one).` };
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<FetchedText>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, reason: `Fetching ${url} timed out after ${opts.timeoutMs} ms.` });
    }, opts.timeoutMs);
  });
  const attempt = async (): Promise<FetchedText> => {
    const response = await opts.fetch(url, { headers: { accept: opts.accept }, redirect: 'error', credentials: 'omit', signal: controller.signal });
    if (!response.ok) return { ok: false, reason: `Fetching ${url} returned HTTP ${response.status}.` };
    const bytes = await readLimited(response, opts.maxBytes);
    if (bytes === undefined) return { ok: false, reason: `${url} is larger than ${opts.maxBytes} bytes.` };
    return { ok: true, text: utf8.decode(bytes), contentType: response.headers.get('content-type') };
  };
  try {
    // The race also covers a `fetch` that ignores its signal.
    return await Promise.race([attempt(), timeout]);
  } catch (e) {
    return { ok: false, reason: `Fetching ${url} failed: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    clearTimeout(timer);
  }
}
