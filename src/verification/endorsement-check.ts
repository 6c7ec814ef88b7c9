/**
 * A customs export endorsement (boxes 14 and 15) checked on its own, as the exchange
 * receives it (export-endorsed): the core's signed-credential steps (format, algorithm,
 * trust, keys, signature) with a trust decision that admits only a customs authority
 * trusted for the exporting country, then the subject's schema, the same one its issuer
 * checks (src/permit/endorsement-schema.ts). A verifier of the permit reads the same
 * endorsement from the issuer's public record (src/verify/record.ts); this is for an agent
 * that holds it before anyone asks.
 */
import { ENDORSEMENT_CREDENTIAL_TYPE } from '../vocab/credential-types.js';
import type { Endorsement } from '../vocab/endorsement.js';
import { endorsementValidator } from '../permit/schema-validators.js';
import { verifySignedCredential, type SignedCredentialContext, type TrustDecision, type TrustedIssuer } from '../verify/index.js';

export type EndorsementOutcome =
  | { ok: true; id?: string; subject: Endorsement; signer: TrustedIssuer; issuedAt?: string }
  | { ok: false; detail: string };

/** Verifies `jwt` as an endorsement by customs of `country`; never throws for a bad one. */
export type EndorsementCheck = (jwt: string, country: string) => Promise<EndorsementOutcome>;

export function createEndorsementCheck(signed: SignedCredentialContext, trustedIssuers: readonly TrustedIssuer[]): EndorsementCheck {
  return async (jwt, country) => {
    const decideTrust = (did: string): TrustDecision => {
      const customs = trustedIssuers.find((t) => t.did === did && t.role === 'customs' && t.country === country);
      return customs ? { ok: true, issuer: customs, message: '' } : { ok: false, detail: `${did} is not a customs authority trusted for ${country}.` };
    };
    let failure = '';
    try {
      const verified = await verifySignedCredential(jwt, { type: ENDORSEMENT_CREDENTIAL_TYPE, label: 'customs endorsement' }, decideTrust, signed, (_check, ok, code, detail) => {
        if (!ok) failure = `${code}: ${detail}`;
      });
      if (verified === undefined) return { ok: false, detail: failure };
      if (!endorsementValidator()(verified.claims.subject)) return { ok: false, detail: 'The endorsement is malformed.' };
      const outcome: EndorsementOutcome = { ok: true, subject: verified.claims.subject as unknown as Endorsement, signer: verified.issuer };
      if (verified.claims.id !== undefined) outcome.id = verified.claims.id;
      const issued = verified.claims.iat ?? verified.claims.nbf;
      if (issued !== undefined) outcome.issuedAt = new Date(issued * 1000).toISOString();
      return outcome;
    } catch (e) {
      return { ok: false, detail: e instanceof Error ? e.message : String(e) };
    }
  };
}
