/**
 * auditCheckpoint at a peer (issue 10 §3): an authority pushes the signed checkpoints of its
 * audit trail to the Management Authorities it trusts, so that whoever rewrites its database
 * (and deletes its checkpoints) cannot rewrite the witnesses' copies. The receiver keeps the
 * JWS as it came (audit_peer_checkpoint), once per (sender, seq).
 *
 * The envelope already proved the sender (DIDComm authcrypt from its key); here the JWS must
 * be the sender's own: issued by the sending DID, signed with one of its verification methods
 * (kid DID = sender), and hold a well-formed claim. Its signature is checked at receipt
 * against the sender's DID document, with the same check `saiga audit verify` makes of the
 * agent's own checkpoints (src/audit/checkpoints.ts): a witness keeps only what the sender
 * really signed. A key the sender has since retired still verifies what it signed before its
 * compromise (docs/keys.md); a DID document that cannot be read now is a retryable refusal,
 * so the checkpoint comes again rather than being lost.
 */
import { checkCheckpoint, type AuthorityKey } from '../../audit/checkpoints.js';
import { EXCHANGE_CODES } from '../../codes.js';
import { assertionKeyJwks, retiredKeyOf } from '../../verify/keys.js';
import type { SignatureSuite } from '../../verify/signature.js';
import type { DidResolution } from '../../verify/types.js';
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

export interface AuditCheckpointDeps {
  /** The agent verifier's DID resolver (cached; a peer's document is read again when a kid is unknown). */
  resolveDid: (did: string) => Promise<DidResolution>;
  signatureSuite: SignatureSuite;
}

const hexOf = (x: string) => Buffer.from(x, 'base64url').toString('hex');

/** The sender's key named `kid`: a current issuing key, or a retired one with its compromise date. */
function senderKeys(did: string, document: unknown, kid: string): AuthorityKey[] {
  const current = assertionKeyJwks(did, document).find((k) => k.id === kid);
  if (current) return [{ kid, publicKeyHex: hexOf(current.jwk.x) }];
  const retired = retiredKeyOf(did, document, kid);
  if (retired) return [{ kid, publicKeyHex: hexOf(retired.jwk.x), ...(retired.compromisedSince && { compromisedSince: retired.compromisedSince.toISOString() }) }];
  return [];
}

export function auditCheckpointHandler(deps: AuditCheckpointDeps): MessageHandler<'auditCheckpoint', Claim> {
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
      const resolution = await deps.resolveDid(message.from);
      if (!resolution.didDocument) {
        return { ok: false, code: 'EXCHANGE_SENDER_UNRESOLVABLE', message: EXCHANGE_CODES.EXCHANGE_SENDER_UNRESOLVABLE, retryable: true };
      }
      const checked = await checkCheckpoint(message.body.checkpoint, message.from, senderKeys(message.from, resolution.didDocument, kid), deps.signatureSuite);
      if (!checked.ok) return refuse(`The checkpoint's signature cannot be accepted: ${checked.reason}.`);
      return { ok: true, checked: claim };
    },
    async apply(work, claim, message) {
      // A repeat of the same (sender, seq) is kept once; the inbox answers repeats itself.
      await work.auditCheckpoints.insertPeer({ fromDid: message.from, seq: claim.seq, headHash: claim.hash, at: claim.at, jws: message.body.checkpoint, receivedAt: message.receivedAt.toISOString() });
      return { ok: true };
    },
  };
}
