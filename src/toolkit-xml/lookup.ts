/**
 * The EPIX-style lookup (EPIX's GetFinalCitesCertificate, unepwcmc/epix
 * app/controllers/api/v1/soap_api_controller.rb): a trusted peer Management Authority asks for a
 * permit's toolkit XML by its number, over HTTPS, authenticated by its DID (docs/toolkit-xml.md §6).
 *
 * The request carries `Authorization: DIDJWT <compact JWS>`, signed EdDSA by a key the caller
 * lists under `authentication` in its DID document (DID Core §5.3.1), with the claims iss (the
 * caller's DID), aud (this authority's DID), iat and exp (RFC 7519 §4.1), jti (used once) and
 * `permit` (the number asked for). The checks run in this order, each refusal with its code:
 * the header's form, trust (before any DID is resolved, so an untrusted did:web is never fetched),
 * audience and permit, time, the signature, replay, the permit, and the caller's country being a
 * party to it (exporter, importer, origin or last re-export). Never throws for bad input.
 */
import type { XmlCode } from '../codes.js';
import { XML_CODES } from '../codes.js';
import type { Permit } from '../permit/model.js';
import type { Endorsement } from '../vocab/endorsement.js';
import { parseCompactJws } from '../verify/jws.js';
import { relationshipKeyJwks } from '../verify/keys.js';
import { signingInput, type SignatureSuite } from '../verify/signature.js';
import type { ResolveDid } from '../verify/types.js';
import { permitToToolkitXml } from './write-permit.js';

/** How far iat may lie from this agent's clock, and the longest a token may live (iat to exp). */
export const LOOKUP_CLOCK_SKEW_SEC = 300;
export const LOOKUP_MAX_LIFETIME_SEC = 300;
export const DIDJWT_SCHEME = 'DIDJWT';

export interface LookupPeer {
  did: string;
  country: string;
  role: string;
}

export interface ToolkitLookupDeps {
  /** This authority's DID: the audience every token must name. */
  did: string;
  trusted: () => Promise<readonly LookupPeer[]>;
  resolveDid: ResolveDid;
  suite: SignatureSuite;
  permit: (permitNumber: string) => Promise<{ permit: Permit } | undefined>;
  endorsement: (permitNumber: string) => Promise<Endorsement | undefined>;
  now: () => Date;
  /**
   * Records a token as used, until `forgetAt` (ms); false when it was used before. The agent keeps
   * them in its database (migration 14), so a restart opens no window; without it they are kept in
   * memory (at most `maxRemembered`, the oldest going first).
   */
  claimToken?: (issuer: string, jti: string, forgetAt: number, now: number) => Promise<boolean>;
  maxRemembered?: number;
}

export type LookupAnswer =
  | { ok: true; xml: string; caller: string }
  | { ok: false; status: 401 | 403 | 404 | 503; code: XmlCode; message: string };

const refuse = (status: 401 | 403 | 404 | 503, code: XmlCode, detail?: string): LookupAnswer => ({ ok: false, status, code, message: detail ? `${XML_CODES[code]} ${detail}` : XML_CODES[code] });

/** The countries a permit concerns: who trades (boxes 3a, 4) and where the specimens came from (12, 12a). */
export function partiesOf(permit: Permit): Set<string> {
  const countries = new Set([permit.exporter.country, permit.importer.country]);
  for (const s of permit.specimens) {
    if (s.origin?.country) countries.add(s.origin.country);
    if (s.lastReExport?.country) countries.add(s.lastReExport.country);
  }
  return countries;
}

export function createToolkitLookup(deps: ToolkitLookupDeps) {
  // jti → when it may be forgotten (ms): a token is refused once it expired, so it need not be remembered longer.
  const seen = new Map<string, number>();
  const limit = deps.maxRemembered ?? 10_000;
  const inMemory = async (issuer: string, jti: string, until: number, now: number): Promise<boolean> => {
    const key = `${issuer} ${jti}`;
    for (const [k, t] of seen) if (t < now) seen.delete(k);
    if (seen.has(key)) return false;
    if (seen.size >= limit) seen.delete(seen.keys().next().value!);
    seen.set(key, until);
    return true;
  };
  const claim = deps.claimToken ?? inMemory;

  return async function answer(authorization: string | undefined, permitNumber: string): Promise<LookupAnswer> {
    const [scheme, token, ...rest] = (authorization ?? '').trim().split(/\s+/);
    if (scheme !== DIDJWT_SCHEME || !token || rest.length > 0) return refuse(401, 'XML_LOOKUP_UNAUTHENTICATED');
    const parsed = parseCompactJws(token);
    if (!parsed.ok) return refuse(401, 'XML_LOOKUP_UNAUTHENTICATED', parsed.reason);
    const { header, payload, signature } = parsed.jws;
    // RFC 8725 §3.1: the algorithm from our allow-list, never from the token alone; no extension we do not understand.
    if (header.alg !== 'EdDSA' || header.crit !== undefined || typeof header.kid !== 'string') return refuse(401, 'XML_LOOKUP_UNAUTHENTICATED', 'It must be signed EdDSA and name its key (kid).');
    const { iss, aud, iat, exp, jti, permit } = payload;
    if (typeof iss !== 'string' || typeof jti !== 'string' || jti.length < 16 || jti.length > 128 || typeof iat !== 'number' || typeof exp !== 'number') {
      return refuse(401, 'XML_LOOKUP_UNAUTHENTICATED', 'It needs the claims iss, aud, iat, exp, jti (16 to 128 characters) and permit.');
    }
    const caller = (await deps.trusted()).find((t) => t.did === iss && t.role === 'managementAuthority');
    if (!caller || iss === deps.did) return refuse(403, 'XML_LOOKUP_CALLER_UNTRUSTED', `(${iss})`);
    if (aud !== deps.did || permit !== permitNumber) return refuse(401, 'XML_LOOKUP_CLAIMS_INVALID');
    const now = deps.now().getTime() / 1000;
    if (Math.abs(now - iat) > LOOKUP_CLOCK_SKEW_SEC || exp <= now || exp < iat || exp - iat > LOOKUP_MAX_LIFETIME_SEC) return refuse(401, 'XML_LOOKUP_STALE');
    const kid = header.kid.startsWith('#') ? iss + header.kid : header.kid;
    const keyOf = async (fresh: boolean) => {
      const resolution = await (fresh ? deps.resolveDid(iss, { fresh: true }) : deps.resolveDid(iss));
      if (resolution.didResolutionMetadata?.error || !resolution.didDocument) return undefined;
      return { jwk: relationshipKeyJwks(iss, resolution.didDocument, 'authentication').find((k) => k.id === kid)?.jwk };
    };
    let found: { jwk?: ReturnType<typeof relationshipKeyJwks>[number]['jwk'] } | undefined;
    try {
      found = await keyOf(false);
      // A key the cached document lacks: the caller may have rotated since (docs/keys.md), so its document is read again once.
      if (found && !found.jwk) found = await keyOf(true);
    } catch {
      found = undefined;
    }
    if (!found) return refuse(503, 'XML_LOOKUP_CHECK_UNAVAILABLE');
    const jwk = found.jwk;
    const key = jwk && (await deps.suite.importKey(jwk));
    if (!key || !(await deps.suite.verify('EdDSA', key, signingInput(token), signature))) return refuse(401, 'XML_LOOKUP_SIGNATURE_INVALID');
    if (!(await claim(iss, jti, (exp + LOOKUP_CLOCK_SKEW_SEC) * 1000, now * 1000))) return refuse(401, 'XML_LOOKUP_REPLAY');
    const record = await deps.permit(permitNumber);
    if (!record) return refuse(404, 'XML_LOOKUP_NOT_FOUND');
    if (!partiesOf(record.permit).has(caller.country)) return refuse(403, 'XML_LOOKUP_NOT_PARTY', `(${caller.country})`);
    const endorsement = await deps.endorsement(permitNumber);
    return { ok: true, caller: iss, xml: permitToToolkitXml(record.permit, endorsement ? { endorsement } : {}) };
  };
}
export type ToolkitLookup = ReturnType<typeof createToolkitLookup>;
