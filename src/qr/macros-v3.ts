/**
 * CP3's layout change over CP2 (cp3.ts): two texts a permit repeats are carried as one byte
 * each in the split bytes (json-split.ts) and rebuilt on reading.
 *
 *   0x03  the issuing agent's URL, which a permit names seven times (its record, the CITES
 *         context, the schema, two status lists, two status entries), rebuilt from a did:web
 *         `iss` as did:web resolution reads it (did:web §3.2.1):
 *           did:web:cites.dwc.gov.lk  → https://cites.dwc.gov.lk
 *           did:web:example.org:lk    → https://example.org/lk
 *           did:web:localhost%3A8080  → http://localhost:8080 (loopback: http)
 *   0x04  the credential id's UUID (36 characters: in `jti` and in the record URL), whose 16
 *         bytes the CP3 head carries (header-v3.ts) instead of 36 characters of hex.
 *
 * Valid JSON holds no raw byte below 0x20 in a string and the split markers are 0x00–0x02, so
 * 0x03 and 0x04 are free and the change is undone exactly. On reading, the text with every
 * 0x03 removed gives `iss`, hence the agent URL; the rebuilt text must name the same `iss`.
 * The rule is written here, not taken from src/verify's did:web resolver, because it is part
 * of the frozen CP3 format. A permit whose agent URL is not this is still carried, only
 * larger. Browser-safe.
 */

const AGENT_URL = '\u0003';
const UUID = '\u0004';
const DID_WEB = /^did:web:([A-Za-z0-9.-]{1,253})(%3A[0-9]{1,5})?((?::[A-Za-z0-9._~-]+)*)$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1']);
const utf8 = new TextEncoder();

/** The agent URL of a did:web issuer, or undefined for any other DID. */
export function agentUrlOf(iss: unknown): string | undefined {
  const m = typeof iss === 'string' ? DID_WEB.exec(iss) : null;
  if (m === null) return undefined;
  const [, host, port, path] = m as unknown as [string, string, string | undefined, string];
  const scheme = LOOPBACK.has(host.toLowerCase()) ? 'http' : 'https';
  return `${scheme}://${host}${port === undefined ? '' : `:${port.slice(3)}`}${path.split(':').join('/')}`;
}

/** `bytes` with every occurrence of `text` replaced by the single byte `mark`. */
function replaceBytes(bytes: Uint8Array, text: string, mark: string): Uint8Array {
  const pattern = utf8.encode(text);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    let match = pattern.length > 0 && i + pattern.length <= bytes.length;
    for (let k = 0; match && k < pattern.length; k++) match = bytes[i + k] === pattern[k];
    if (match) {
      out.push(mark.charCodeAt(0));
      i += pattern.length;
    } else {
      out.push(bytes[i++]!);
    }
  }
  return Uint8Array.from(out);
}

/** The split bytes with the agent URL of `iss` and the `uuid` (when given) replaced by their bytes. */
export function compactMacros(split: Uint8Array, iss: unknown, uuid: string | undefined): Uint8Array {
  const url = agentUrlOf(iss);
  const withUrl = url === undefined ? split : replaceBytes(split, url, AGENT_URL);
  return uuid === undefined ? withUrl : replaceBytes(withUrl, uuid, UUID);
}

export type Expanded = { ok: true; text: string } | { ok: false; reason: 'malformed' | 'too large' };

const count = (text: string, mark: string) => text.split(mark).length - 1;

/** The payload text of a joined CP3 text, with 0x04 and 0x03 rebuilt; `uuid` from the head, if it carried one. Never throws. */
export function expandMacros(joined: string, uuid: string | undefined, maxChars: number): Expanded {
  const malformed = { ok: false, reason: 'malformed' } as const;
  const tooLarge = { ok: false, reason: 'too large' } as const;
  let text = joined;
  const uuids = count(text, UUID);
  if (uuids > 0) {
    if (uuid === undefined) return malformed;
    // Bounded before it is built.
    if (text.length + uuids * (uuid.length - 1) > maxChars) return tooLarge;
    text = text.replaceAll(UUID, uuid);
  }
  const urls = count(text, AGENT_URL);
  if (urls === 0) return { ok: true, text };
  let iss: unknown;
  try {
    iss = (JSON.parse(text.replaceAll(AGENT_URL, '')) as { iss?: unknown }).iss;
  } catch {
    return malformed;
  }
  const url = agentUrlOf(iss);
  if (url === undefined) return malformed;
  if (text.length + urls * (url.length - 1) > maxChars) return tooLarge;
  text = text.replaceAll(AGENT_URL, url);
  try {
    if ((JSON.parse(text) as { iss?: unknown }).iss !== iss) return malformed;
  } catch {
    return malformed;
  }
  return { ok: true, text };
}
