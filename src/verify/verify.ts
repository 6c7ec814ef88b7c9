/**
 * The permit verifier: one VC-JWT in, one verdict out, never an exception for a bad document.
 *
 * Checks run in a fixed order and the first failure of format, algorithm, trust,
 * issuer or signature stops the run, so permit data is never read out of a document
 * whose signature did not verify (jose reads the payload only after `verifyPrepared`
 * for the same reason). Trust is checked before the DID is resolved: an untrusted
 * did:web is never fetched, so the public verify endpoint cannot be made to request
 * arbitrary URLs. Validity and the permit rules both run once the signature holds, so
 * an officer sees every later problem at once.
 */
import { SUPPORTED_ALGORITHMS, webCryptoSuite } from './signature.js';
import { verifySignedCredential, type SignedCredentialContext, type StepReport, type TrustDecision } from './signed-credential.js';
import { createStatusChecker } from './status.js';
import { createRecordChecker } from './record.js';
import { citesPermitRules, runPermitRules } from './rules.js';
import { readInput } from './input.js';
import { checkLifecycle, stateOf } from './lifecycle.js';
import { checkLinkedPermits, reliesOnImportPermit } from './linked-permits.js';
import { SHOWN_CODES, VERIFY_CODES, type VerifyCode } from '../codes.js';
import { permitFromSubject } from '../permit/subject.js';
import { createAssertionKeyStore } from './keys.js';
import { numericDateToIso, PERMIT_CREDENTIAL_TYPE } from './vc-jwt.js';
import type {
  CheckName,
  PermitVerifier,
  PermitVerifierOptions,
  TrustedIssuer,
  VerificationResult,
  VerifierInput,
  VerifyAt,
  VerifiedCredentialInfo,
} from './verifier-types.js';

const PERMIT_KIND = { type: PERMIT_CREDENTIAL_TYPE, label: 'CITES permit' };

/** Default allowance for clock skew between issuer and verifier, in seconds. */
export const DEFAULT_CLOCK_TOLERANCE_SEC = 60;
export const DEFAULT_ALGORITHMS: readonly string[] = ['EdDSA'];

/** Algorithms that configuration can never re-enable: RFC 8725 §2.1 (none) and §3.1 (HMAC keys are shared secrets). */
function isForbiddenAlgorithm(alg: string): boolean {
  return alg.toLowerCase() === 'none' || /^HS\d+$/i.test(alg);
}

function checkOptions(options: PermitVerifierOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object.');
  if (typeof options.resolveDid !== 'function') throw new TypeError('"resolveDid" must be a function.');
  if (!Array.isArray(options.trustedIssuers)) throw new TypeError('"trustedIssuers" must be an array.');
  for (const t of options.trustedIssuers) {
    if (typeof t?.did !== 'string' || !t.did.startsWith('did:') || (t.role !== 'managementAuthority' && t.role !== 'customs')) {
      throw new TypeError('Each of "trustedIssuers" needs a "did" and a "role" of managementAuthority or customs.');
    }
    if (typeof t.name !== 'string' || typeof t.country !== 'string') {
      throw new TypeError(`The trusted issuer ${t.did} needs a "name" and a "country".`);
    }
  }
  if (options.algorithms !== undefined && (!Array.isArray(options.algorithms) || !options.algorithms.every((a) => typeof a === 'string'))) {
    throw new TypeError('"algorithms" must be an array of strings.');
  }
  const tolerance = options.clockToleranceSec;
  if (tolerance !== undefined && (!Number.isFinite(tolerance) || tolerance < 0)) {
    throw new TypeError('"clockToleranceSec" must be a non-negative number.');
  }
  if (options.notices !== undefined && typeof options.notices !== 'function') throw new TypeError('"notices" must be a function of a credential id.');
  if (options.checkPermit !== undefined && options.checkPermit !== false && typeof options.checkPermit !== 'function') {
    throw new TypeError('"checkPermit" must be a function, or false to turn the permit rules off.');
  }
}

function describe(issuer: TrustedIssuer): string {
  return `${issuer.did} (${issuer.name}, ${issuer.country})`;
}

/**
 * Creates the permit verifier shared by the agent, the CLI and the verifier page.
 * @throws TypeError for missing or malformed options.
 * @example
 * const verifier = createPermitVerifier({ resolveDid: createDidResolver({ fetch }), trustedIssuers });
 * const result = await verifier.verify(jwt, { now: new Date() });
 * if (!result.verified) console.log(result.checks.find((c) => !c.ok)?.message);
 */
export function createPermitVerifier(options: PermitVerifierOptions): PermitVerifier {
  checkOptions(options);
  const { resolveDid } = options;
  const checkPermit = options.checkPermit ?? citesPermitRules(options.trustedIssuers);
  const tolerance = options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC;
  const algorithms = (options.algorithms ?? DEFAULT_ALGORITHMS).filter((alg) => !isForbiddenAlgorithm(alg));
  if (algorithms.length === 0) throw new TypeError('"algorithms" must name at least one asymmetric algorithm.');
  const unsupported = algorithms.find((alg) => !SUPPORTED_ALGORITHMS.includes(alg));
  if (unsupported !== undefined) throw new TypeError(`"algorithms" names ${unsupported}, which this verifier cannot check (it supports ${SUPPORTED_ALGORITHMS.join(', ')}).`);
  const allowedAlgorithms = new Set(algorithms);
  const trusted = new Map<string, TrustedIssuer[]>();
  for (const t of options.trustedIssuers) trusted.set(t.did, [...(trusted.get(t.did) ?? []), { ...t }]);
  const suite = options.signatureSuite ?? webCryptoSuite;
  const signedContext: SignedCredentialContext = {
    resolveDid,
    assertionKeys: createAssertionKeyStore(suite),
    suite,
    allowedAlgorithms,
  };
  const checkStatus = createStatusChecker({
    fetch: options.fetch,
    signed: signedContext,
    ...(options.statusCacheTtlMs !== undefined && { cacheTtlMs: options.statusCacheTtlMs }),
    ...(options.clock !== undefined && { now: options.clock }),
  });
  const checkRecord = createRecordChecker({ fetch: options.fetch, signed: signedContext, trusted });

  /** `linked`: this is the import permit of another document (linked-permits.ts), checked one level deep only. */
  async function verify(input: string, at: VerifyAt, linked = false): Promise<VerificationResult> {
    if (!(at?.now instanceof Date) || Number.isNaN(at.now.getTime())) {
      throw new TypeError('"at.now" must be a valid Date: time is always passed in.');
    }
    const result: VerificationResult = { verified: false, checks: [] };
    const pass = (check: CheckName, message: string): void => {
      result.checks.push({ check, ok: true, code: 'OK', message });
    };
    const fail = (check: CheckName, code: VerifyCode, detail?: string): VerificationResult => {
      result.checks.push({ check, ok: false, code, message: detail ? `${VERIFY_CODES[code]} ${detail}` : VERIFY_CODES[code] });
      return result;
    };
    // Surrounding whitespace comes from pasting and files; it is not part of the JWS.
    const jwt = typeof input === 'string' ? input.trim() : input;

    const report: StepReport = (check, ok, code, detail) => {
      if (ok) pass(check, detail);
      else fail(check, code, detail || undefined);
    };
    const decideTrust = (did: string): TrustDecision => {
      const entries = trusted.get(did);
      const issuer = entries?.find((t) => t.role === 'managementAuthority');
      if (issuer === undefined) {
        return { ok: false, detail: entries !== undefined ? `${did} is on the list as ${entries[0]!.role}, which may not issue permits.` : `${did} is not on the list.` };
      }
      return { ok: true, issuer: { ...issuer }, message: `${describe(issuer)} is a trusted Management Authority.` };
    };
    const signed = await verifySignedCredential(jwt, PERMIT_KIND, decideTrust, signedContext, report);
    if (signed === undefined) return result;
    const { claims, issuer } = signed;
    result.issuer = issuer;

    // From here on the payload is authentic.
    const credential: VerifiedCredentialInfo = { issuer: claims.issuer, types: claims.types };
    if (claims.id !== undefined) credential.id = claims.id;
    // VC 1.1 §6.3.1 maps issuanceDate to nbf; `iat`, when present, is the signing time.
    const issued = claims.iat ?? claims.nbf;
    if (issued !== undefined) credential.issuedAt = numericDateToIso(issued);
    if (claims.nbf !== undefined) credential.validFrom = numericDateToIso(claims.nbf);
    if (claims.exp !== undefined) credential.validUntil = numericDateToIso(claims.exp);
    result.credential = credential;
    // The permit box by box: the subject, with box 2, the date of box 13 and box 6 from the credential.
    result.permit = permitFromSubject(claims.subject, {
      authority: { did: issuer.did, name: issuer.name, country: issuer.country, ...(issuer.address !== undefined && { address: issuer.address }) },
      ...(credential.validFrom !== undefined && { issuedAt: credential.validFrom }),
      ...(credential.validUntil !== undefined && { expiresAt: credential.validUntil }),
    });

    // 6. validity (RFC 7519 §4.1.4, §4.1.5), with the tolerance on both sides.
    const nowSec = at.now.getTime() / 1000;
    let valid = true;
    if (claims.exp === undefined) {
      valid = false;
      fail('validity', 'NO_EXPIRY');
    } else if (claims.nbf !== undefined && claims.nbf > nowSec + tolerance) {
      valid = false;
      fail('validity', 'NOT_YET_VALID', `It is valid from ${credential.validFrom}.`);
    } else if (claims.exp < nowSec - tolerance) {
      valid = false;
      fail('validity', 'EXPIRED', `It expired on ${credential.validUntil}.`);
    } else {
      pass('validity', `Valid ${credential.validFrom ? `from ${credential.validFrom} ` : ''}until ${credential.validUntil}.`);
    }

    // 7. permit rules: on unless the caller turned them off (rules.ts).
    const rules = runPermitRules(checkPermit, claims.subject, {
      issuer: { ...issuer },
      ...(claims.nbf !== undefined && { issuedAt: new Date(claims.nbf * 1000) }),
      ...(result.permit.validUntil !== '' && { validUntil: result.permit.validUntil }),
    });
    const rulesOk = !rules.ran || rules.ok;
    if (rules.ran && 'errors' in rules) {
      result.ruleErrors = rules.errors;
      result.ruleWarnings = rules.warnings;
    }
    if (rules.ran) (rules.ok ? pass('permit', rules.detail) : fail('permit', rules.code, rules.detail));

    if (at.lifecycle === false) {
      // Asked for the credential only: what was not looked at is not passed.
      fail('status', 'STATUS_NOT_CHECKED');
      result.state = 'unknown';
      return result;
    }

    // 8–9. status lists and the public record, fetched in parallel from the issuer.
    let lifecycle;
    try {
      // A notice is looked up by the credential id, which only a genuine permit's claims give.
      const noticed = options.notices !== undefined && claims.id !== undefined ? await options.notices(claims.id) : undefined;
      // Only the permit's own issuer can revoke or suspend it; a notice from anyone else is not this permit's.
      const notice = noticed?.issuer === issuer.did ? noticed : undefined;
      lifecycle = await checkLifecycle({ claims, issuer, permit: result.permit, rulesOk, now: at.now, checkStatus, checkRecord, ...(notice !== undefined && { notice }) });
    } catch (e) {
      // Never throw for a bad document: whatever went wrong, the status was not checked.
      fail('status', 'STATUS_UNAVAILABLE', e instanceof Error ? e.message : String(e));
      result.state = 'unknown';
      return result;
    }
    for (const c of lifecycle.checks) (c.ok ? pass(c.check, c.message) : fail(c.check, c.code, c.message));
    Object.assign(result, lifecycle.fields);
    // 10. linked permits: the import permit an Appendix I export relies on (Art. III(2)(d)), from the record just read.
    if (!linked && rulesOk && lifecycle.recordRead && reliesOnImportPermit(result.permit)) {
      const outcome = await checkLinkedPermits(
        { permit: result.permit, issuedAt: credential.validFrom, linkedPermits: lifecycle.linkedPermits, now: at.now },
        (jwt, when) => verify(jwt, when, true),
      );
      result.checks.push(outcome.check);
      if (outcome.linkedPermits) result.linkedPermits = outcome.linkedPermits;
    }
    result.state = stateOf({ valid, expired: result.checks.some((c) => c.code === 'EXPIRED'), ...lifecycle });

    result.verified = result.checks.every((c) => c.ok);
    return result;
  }

  const isTrustedAuthority = (did: string): boolean => trusted.get(did)?.some((t) => t.role === 'managementAuthority') === true;

  /** Whatever a user has (see input.ts), or a wallet's presentation (presentation.ts), read and verified; never throws for a bad input. */
  async function verifyInput(input: VerifierInput, at: VerifyAt): Promise<VerificationResult> {
    if (!(at?.now instanceof Date) || Number.isNaN(at.now.getTime())) {
      throw new TypeError('"at.now" must be a valid Date: time is always passed in.');
    }
    try {
      // A presentation (presentation.ts) is loaded when one comes: the page's first load does not carry it.
      if (typeof input === 'object' && input !== null && 'presentation' in input) return await (await import('./presentation.js')).verifyPresentation(input, at, suite, (jwt, when) => verify(jwt, when));
      const read = await readInput(input, { fetch: options.fetch, isTrustedAuthority });
      if (!read.ok) return { verified: false, checks: [{ check: read.check, ok: false, code: read.code, message: read.message }] };
      return await verify(read.jwt, at);
    } catch (e) {
      // A fault of the verifier itself is never a verdict on the permit, and never a valid one.
      const detail = e instanceof Error ? e.message : String(e);
      return { verified: false, checks: [{ check: 'format', ok: false, code: 'VERIFIER_FAILED', message: `${SHOWN_CODES.VERIFIER_FAILED} (${detail})` }] };
    }
  }

  return { verify, verifyInput };
}
