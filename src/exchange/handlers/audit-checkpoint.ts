/**
 * auditCheckpoint at a peer (issue 10 §3): an authority pushes the signed checkpoints of its
 * audit trail to the Management Authorities it trusts, so that whoever rewrites its database
 * (and deletes its checkpoints) cannot rewrite the witnesses' copies. The receiver keeps the
 * JWS as it came (audit_peer_checkpoint), once per (sender, seq).
 *
 * The envelope already proved the sender (DIDComm authcrypt from its key); here the JWS must
 * be the sender's own: issued by the sending DID, signed with one of its verification methods
 * (kid DID = sender), and hold a well-formed claim. Its signature is checked against the
 * sender's DID document whenever the sender's trail is examined (docs/audit.md).
 */
import { EXCHANGE_CODES } from '../../codes.js';
import type { ExchangeRefusal, MessageHandler } from '../ports.js';
import { bodyValidator } from '../schemas/validate.js';

interface Claim {
  kind: 'checkpoint' | 'purge';
  seq: number;
  hash: string;
  at: string;
}

const refuse = (detail: string): ExchangeRefusal => ({ ok: false, code: 'EXCHANGE_BODY_INVALID', message: `${EXCHANGE_CODES.EXCHANGE_BODY_INVALID} ${detail}`, path: '/checkpoint' });

function part(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(text ?? '', 'base64url').toString('utf8')) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function claimOf(payload: Record<string, unknown>): Claim | undefined {
  const vc = payload['vc'] as { type?: unknown; credentialSubject?: { auditCheckpoint?: Partial<Claim> } } | undefined;
  const claim = vc?.credentialSubject?.auditCheckpoint;
  if (!Array.isArray(vc?.type) || !vc.type.includes('SaigaAuditCheckpoint') || !claim) return undefined;
  const { kind, seq, hash, at } = claim;
  const ok = (kind === 'checkpoint' || kind === 'purge') && Number.isSafeInteger(seq) && (seq as number) >= 1 && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) && typeof at === 'string' && !Number.isNaN(Date.parse(at));
  return ok ? { kind: kind!, seq: seq!, hash: hash!, at: at! } : undefined;
}

export function auditCheckpointHandler(): MessageHandler<'auditCheckpoint', Claim> {
  return {
    kind: 'auditCheckpoint',
    validate: bodyValidator('auditCheckpoint'),
    async check(message) {
      const [headerText, payloadText] = message.body.checkpoint.split('.');
      const header = part(headerText);
      const payload = part(payloadText);
      if (!header || !payload) return refuse('The checkpoint is not a JWS with a JSON header and payload.');
      if (header['alg'] !== 'EdDSA') return refuse(`The checkpoint is signed with ${String(header['alg'])}, not EdDSA.`);
      const kid = typeof header['kid'] === 'string' ? header['kid'] : '';
      if (payload['iss'] !== message.from || kid.slice(0, kid.indexOf('#')) !== message.from) return refuse(`The checkpoint is not signed by the sender ${message.from}.`);
      const claim = claimOf(payload);
      if (!claim) return refuse('The checkpoint holds no audit checkpoint claim (kind, seq, hash, at).');
      return { ok: true, checked: claim };
    },
    async apply(work, claim, message) {
      // A repeat of the same (sender, seq) is kept once; the inbox answers repeats itself.
      await work.auditCheckpoints.insertPeer({ fromDid: message.from, seq: claim.seq, headHash: claim.hash, at: claim.at, jws: message.body.checkpoint, receivedAt: message.receivedAt.toISOString() });
      return { ok: true };
    },
  };
}
