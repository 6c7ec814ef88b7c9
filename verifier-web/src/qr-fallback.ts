/**
 * Stand-in for `parseVerifierInput` of src/qr/codec.ts, used by the build only while that
 * codec does not exist yet (build.mjs picks the real one when it is there). It accepts a
 * raw JWT, or a verifier link from any host with a JWT in the fragment; a CP1 payload
 * needs the real codec.
 */
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export type VerifierInput = { ok: true; jwt: string } | { ok: false; code: string; message: string };

export function parseVerifierInput(text: string): VerifierInput {
  let value = text.trim();
  const hash = value.indexOf('#');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && hash >= 0) value = value.slice(hash + 1);
  try {
    value = decodeURIComponent(value);
  } catch {
    return { ok: false, code: 'QR_NOT_A_PERMIT', message: 'The text is not a permit link.' };
  }
  if (JWS.test(value)) return { ok: true, jwt: value };
  if (/^CP1/i.test(value)) return { ok: false, code: 'QR_UNSUPPORTED', message: 'This verifier cannot read CP1 codes yet.' };
  return { ok: false, code: 'QR_NOT_A_PERMIT', message: 'This is not a permit link, code or JWT.' };
}
