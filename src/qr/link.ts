/**
 * The QR code's text: an upper-case URL of a verifier page whose fragment is the payload
 * (payload.ts), e.g. HTTPS://CITES.DWC.GOV.LK/VERIFY#CP3:…; upper-case scheme and host are
 * the same URL (RFC 3986 §6.2.2.1) and keep the text alphanumeric, and the fragment never
 * reaches a server (RFC 3986 §3.5). A permit whose link would need a QR code larger than
 * version 25 at error correction M gets a reference (CPR1) instead. Browser-safe.
 */
import { QR_MAX_FULL_VERSION } from '../vocab/limits.js';
import { qrVersionFor } from './capacity.js';
import type { Digest } from './cpr1.js';
import { encodePermitQr, encodePermitReference } from './payload.js';

/** The path of the verifier page on an agent, in upper case (the agent serves /verify and /VERIFY). */
export const VERIFIER_PATH = '/VERIFY';
/** The largest QR version (at error correction M) of a link with the whole permit (src/vocab/limits.ts). */
export const MAX_FULL_VERSION = QR_MAX_FULL_VERSION;

/**
 * The QR text: the verifier page URL in upper case, then "#" and the payload. `verifierUrl`
 * is an agent's URL (the page is then at /VERIFY) or a verifier page's URL; its scheme and
 * host are upper-cased (they are case-insensitive), a path it has is kept as given.
 */
export function permitQrLink(verifierUrl: string, payload: string): string {
  const url = new URL(verifierUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`the verifier URL must be http(s): ${verifierUrl}`);
  if (url.search || url.hash || url.username || url.password) throw new TypeError(`the verifier URL must have no query, fragment or credentials: ${verifierUrl}`);
  const path = url.pathname === '/' || url.pathname === '' ? VERIFIER_PATH : url.pathname.replace(/\/$/, '');
  return `${url.protocol.toUpperCase()}//${url.host.toUpperCase()}${path}#${payload}`;
}

export interface QrOrReference {
  kind: 'qr' | 'reference';
  /** The payload, `CP3:…` or `CPR1:…`. */
  payload: string;
  /** The QR text: the link with the payload. */
  text: string;
  /** QR version of `text` at error correction M. */
  version: number;
}

/**
 * The link with the full permit (CP3), or with a reference (CPR1) when the full link would
 * need a QR code larger than version `maxVersion` (25) at error correction M.
 */
export async function encodePermitQrOrReference(
  jwt: string,
  verifierUrl: string,
  options: {
    maxVersion?: number;
    digest?: Digest;
    /**
     * The QR version of a text at error correction M. Default: `qrVersionFor` (capacity.ts),
     * the optimum; the `qrcode` package occasionally draws one version more for mixed text,
     * so a Node caller that draws with it may pass render.ts's `qrVersion`.
     */
    versionOf?: (text: string) => number | undefined;
  } = {},
): Promise<QrOrReference> {
  const maxVersion = options.maxVersion ?? MAX_FULL_VERSION;
  const versionOf = options.versionOf ?? ((text: string) => qrVersionFor(text, 'M'));
  let payload: string | undefined;
  try {
    payload = encodePermitQr(jwt);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  if (payload !== undefined) {
    const text = permitQrLink(verifierUrl, payload);
    const version = versionOf(text);
    if (version !== undefined && version <= maxVersion) return { kind: 'qr', payload, text, version };
  }
  const reference = await encodePermitReference(jwt, options.digest);
  const referenceText = permitQrLink(verifierUrl, reference);
  const version = versionOf(referenceText);
  if (version === undefined) throw new RangeError('the reference does not fit a QR code: the verifier URL is too long');
  return { kind: 'reference', payload: reference, text: referenceText, version };
}
