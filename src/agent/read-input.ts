/**
 * What `saiga verify` and `POST /api/verify` accept: a VC-JWT, a CP2 (or CP1) payload, or a verifier
 * link from any host (from a scanned QR). A reference (CPR1) is resolved by fetching the
 * permit from its issuing agent and checking its hash; only trusted issuers are contacted.
 */
import { checkReferencedCredential, parseVerifierInput } from '../qr/codec.js';
import { QR_CODES, type QrCode } from '../codes.js';
import type { FetchLike, TrustedIssuer } from '../verify/index.js';
import { fetchText } from '../verify/http-fetch.js';
import { REFERENCE_FETCH_MAX_BYTES } from '../vocab/limits.js';

export type ReadInput = { ok: true; jwt: string } | { ok: false; code: QrCode; message: string };

export async function readVerifierInput(text: string, opts: { fetch: FetchLike; trustedIssuers: readonly TrustedIssuer[] }): Promise<ReadInput> {
  const parsed = parseVerifierInput(text);
  if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message };
  if (parsed.kind !== 'reference') return { ok: true, jwt: parsed.jwt };
  const refused = (detail: string): ReadInput => ({ ok: false, code: 'QR_REFERENCE_MISMATCH', message: `${QR_CODES.QR_REFERENCE_MISMATCH} ${detail}` });
  if (!opts.trustedIssuers.some((t) => t.did === parsed.issuer && t.role === 'managementAuthority')) {
    return { ok: false, code: 'QR_NOT_A_PERMIT', message: `${QR_CODES.QR_NOT_A_PERMIT} It refers to ${parsed.issuer}, which is not a trusted authority.` };
  }
  if (!parsed.credentialUrl) return refused('The issuing authority has no web address to fetch the permit from.');
  const fetched = await fetchText(parsed.credentialUrl, { fetch: opts.fetch, accept: 'application/vc+jwt', maxBytes: REFERENCE_FETCH_MAX_BYTES, timeoutMs: 5000 });
  if (!fetched.ok) return refused(fetched.reason);
  const checked = await checkReferencedCredential(fetched.text.trim(), parsed);
  return checked.ok ? { ok: true, jwt: fetched.text.trim() } : checked;
}
