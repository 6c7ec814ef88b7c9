/**
 * Normalises the QR transport codec's answer (src/qr/codec.ts `parseVerifierInput`), whose
 * exact shape may vary — a JWT string, `{ jwt }`, or `{ code }` for an error such as
 * QR_NOT_A_PERMIT — into one shape. A bare JWT, and a link from any host whose fragment is
 * a raw JWT, are accepted even if the codec refuses them: the verifier checks everything.
 * Pure; input.ts binds it to the codec.
 */
/** A reference QR (CPR1, a permit too large for one code): the page fetches the permit from its issuer. */
export interface PermitReferenceInput {
  issuer: string;
  credentialId: string;
  sha256: string;
  credentialUrl?: string;
}

export type ParsedInput = { ok: true; jwt: string } | { ok: true; reference: PermitReferenceInput } | { ok: false; code: string; detail?: string };

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function fromCodec(answer: unknown): ParsedInput {
  if (typeof answer === 'string') return JWS.test(answer) ? { ok: true, jwt: answer } : { ok: false, code: answer.startsWith('QR_') ? answer : 'QR_NOT_A_PERMIT' };
  if (typeof answer === 'object' && answer !== null) {
    const a = answer as { jwt?: unknown; code?: unknown; error?: unknown; message?: unknown; ok?: unknown; kind?: unknown } & Partial<PermitReferenceInput>;
    if (typeof a.jwt === 'string' && a.ok !== false) return { ok: true, jwt: a.jwt };
    if (a.kind === 'reference' && a.ok !== false && typeof a.issuer === 'string' && typeof a.credentialId === 'string' && typeof a.sha256 === 'string') {
      const reference: PermitReferenceInput = { issuer: a.issuer, credentialId: a.credentialId, sha256: a.sha256 };
      if (typeof a.credentialUrl === 'string') reference.credentialUrl = a.credentialUrl;
      return { ok: true, reference };
    }
    const code = typeof a.code === 'string' ? a.code : typeof a.error === 'string' ? a.error : 'QR_NOT_A_PERMIT';
    return typeof a.message === 'string' ? { ok: false, code, detail: a.message } : { ok: false, code };
  }
  return { ok: false, code: 'QR_NOT_A_PERMIT' };
}

/** A raw JWT in the fragment of a link from any host. */
function jwtInLink(text: string): string | undefined {
  const hash = text.indexOf('#');
  if (hash < 0 || !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  let fragment = text.slice(hash + 1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  return JWS.test(fragment) ? fragment : undefined;
}

export function parseWith(codec: (text: string) => unknown, text: string): ParsedInput {
  const value = text.trim();
  if (value === '') return { ok: false, code: 'QR_EMPTY' };
  let parsed: ParsedInput;
  try {
    parsed = fromCodec(codec(value));
  } catch (e) {
    parsed = { ok: false, code: 'QR_NOT_A_PERMIT', detail: e instanceof Error ? e.message : String(e) };
  }
  if (parsed.ok) return parsed;
  if (JWS.test(value)) return { ok: true, jwt: value };
  const jwt = jwtInLink(value);
  return jwt !== undefined ? { ok: true, jwt } : parsed;
}
