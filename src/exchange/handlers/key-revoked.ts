/**
 * keyRevoked at a peer (issue 9 §6): an authority announces that one of its signing keys (or
 * one of its customs identity's) no longer signs. The notice is not what makes verifiers
 * refuse: the issuer's DID document is (src/verify/keys.ts reads `revoked` and
 * `compromisedSince` there). The notice makes this agent stop trusting its cached copy of the
 * document at once, so that the next verification, and the next DIDComm message, fetch the
 * document that says so. It is recorded (key_notice) for the operator.
 */
import type { MessageHandler, ExchangeRefusal } from '../ports.js';
import type { TrustedIssuer } from '../../vocab/trust-list.js';
import { EXCHANGE_CODES } from '../../codes.js';
import { bodyValidator } from '../schemas/validate.js';

export interface KeyRevokedDeps {
  /** Everyone this agent trusts, as now: who may speak for which customs DID. */
  trusted: () => readonly TrustedIssuer[];
  /** Drops the cached DID document of `did` wherever this agent caches one (its verifier, its DIDComm resolver). */
  forgetDid?: (did: string) => void;
}

interface CheckedNotice {
  did: string;
}

const refuse = (code: 'EXCHANGE_KEY_NOT_SENDERS' | 'EXCHANGE_BODY_INVALID', path: string, detail: string): ExchangeRefusal => ({
  ok: false,
  code,
  message: `${EXCHANGE_CODES[code]} ${detail}`,
  path,
});

const isDate = (value: unknown): boolean => typeof value === 'string' && !Number.isNaN(Date.parse(value));

export function keyRevokedHandler(deps: KeyRevokedDeps): MessageHandler<'keyRevoked', CheckedNotice> {
  return {
    kind: 'keyRevoked',
    validate: bodyValidator('keyRevoked'),
    async check(message) {
      const { kid, revokedAt, compromisedSince } = message.body;
      // DID Core §3.2: a verification method id is the DID, '#', and a fragment.
      const hash = typeof kid === 'string' ? kid.indexOf('#') : -1;
      if (hash <= 0 || !kid.startsWith('did:')) return refuse('EXCHANGE_BODY_INVALID', '/kid', `${String(kid)} is not a verification-method id (DID#fragment).`);
      if (!isDate(revokedAt)) return refuse('EXCHANGE_BODY_INVALID', '/revokedAt', 'It is not a date-time.');
      if (compromisedSince !== undefined && !isDate(compromisedSince)) return refuse('EXCHANGE_BODY_INVALID', '/compromisedSince', 'It is not a date-time.');
      const did = kid.slice(0, hash);
      if (did === message.from) return { ok: true, checked: { did } };
      // Its customs identity: a DID this agent trusts as customs of the sender's country.
      const trusted = deps.trusted();
      const sender = trusted.find((t) => t.did === message.from && t.role === 'managementAuthority');
      const customs = trusted.some((t) => t.did === did && t.role === 'customs' && sender !== undefined && t.country === sender.country);
      if (customs) return { ok: true, checked: { did } };
      return refuse('EXCHANGE_KEY_NOT_SENDERS', '/kid', `${kid} is a key of ${did}, and the message comes from ${message.from}.`);
    },
    async apply(work, checked, message) {
      const { kid, revokedAt, compromisedSince } = message.body;
      await work.signingKeys.recordNotice({
        kid,
        did: checked.did,
        fromDid: message.from,
        revokedAt,
        ...(compromisedSince !== undefined && { compromisedSince }),
        receivedAt: message.receivedAt.toISOString(),
      });
      // Dropped even if the unit of work rolls back: the cost is one fetch of the document.
      deps.forgetDid?.(checked.did);
      return { ok: true };
    },
  };
}
