/**
 * Signed checkpoints of the audit chain's head (docs/audit.md, issue 10 §3). A checkpoint is
 * a VC-JWT — a compact JWS (RFC 7515 §7.1), EdDSA — signed by the Management Authority's
 * DID over {seq, hash, at}. Someone who can write the database can rewrite every entry and
 * recompute every hash, but cannot sign: a checkpoint pins the chain up to its seq, and one
 * pushed to a peer (message type audit-checkpoint) pins it even against deleting checkpoints.
 */
import { parseCompactJws } from '../verify/jws.js';
import { ed25519RawToJwk } from '../verify/multikey.js';
import { signingInput, type SignatureSuite } from '../verify/signature.js';
import { VC_V1_CONTEXT } from '../vocab/contexts.js';
import type { StoredCheckpoint } from '../store/audit-checkpoints.js';
import type { UnitOfWork } from '../store/unit-of-work.js';

export const AUDIT_CHECKPOINT_TYPE = 'SaigaAuditCheckpoint';

export interface CheckpointClaim {
  kind: 'checkpoint' | 'purge';
  seq: number;
  /** The hash of the entry at seq. */
  hash: string;
  at: string;
}

/** The unsigned credential of a checkpoint (signed with `signAs('authority')`). */
export function checkpointCredential(authorityDid: string, claim: CheckpointClaim): object {
  return {
    '@context': [VC_V1_CONTEXT],
    type: ['VerifiableCredential', AUDIT_CHECKPOINT_TYPE],
    issuer: { id: authorityDid },
    issuanceDate: claim.at,
    credentialSubject: { id: authorityDid, auditCheckpoint: claim },
  };
}

export interface CheckpointSigning {
  authorityDid: string;
  sign: (credential: object) => Promise<string>;
  now: () => Date;
}

/**
 * Signs the head as it is inside `work`'s transaction and stores the checkpoint there. No
 * entry, no checkpoint (undefined). A purge anchor names the last purged entry instead.
 */
export async function writeCheckpoint(
  work: Pick<UnitOfWork, 'audit' | 'auditCheckpoints'>,
  deps: CheckpointSigning,
  at: { kind: 'checkpoint' } | { kind: 'purge'; seq: number; hash: string } = { kind: 'checkpoint' },
): Promise<StoredCheckpoint | undefined> {
  const head = at.kind === 'purge' ? { seq: at.seq, hash: at.hash } : await work.audit.head();
  if (!head) return undefined;
  const claim: CheckpointClaim = { kind: at.kind, seq: head.seq, hash: head.hash, at: new Date(Math.floor(deps.now().getTime() / 1000) * 1000).toISOString() };
  const jws = await deps.sign(checkpointCredential(deps.authorityDid, claim));
  const stored = { kind: claim.kind, seq: claim.seq, headHash: claim.hash, at: claim.at, jws };
  await work.auditCheckpoints.insert(stored);
  return { id: 0, ...stored };
}

/** A key that may have signed a checkpoint: every key the authority's DID has had, revoked ones too (key-states.ts). */
export interface AuthorityKey {
  kid: string;
  publicKeyHex: string;
  compromisedSince?: string;
}

export type CheckpointCheck = { ok: true; claim: CheckpointClaim } | { ok: false; reason: string };

/**
 * Checks a checkpoint's JWS: EdDSA by one of the authority's keys (named by its kid), issued
 * by the authority, with a claim that matches the stored row. A key revoked as compromised
 * vouches for nothing it signed from then on. The JWS is read and its signature checked as the
 * verification core reads and checks a permit's (src/verify/jws.ts, signature.ts).
 */
export async function checkCheckpoint(
  jws: string,
  authorityDid: string,
  keys: readonly AuthorityKey[],
  suite: SignatureSuite,
  row?: Pick<StoredCheckpoint, 'kind' | 'seq' | 'headHash' | 'at'>,
): Promise<CheckpointCheck> {
  const parsed = parseCompactJws(jws);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const header = parsed.jws.header as { alg?: unknown; kid?: unknown };
  const payload = parsed.jws.payload as { iss?: string; vc?: { type?: string[]; credentialSubject?: { auditCheckpoint?: CheckpointClaim } } };
  if (header.alg !== 'EdDSA') return { ok: false, reason: `algorithm ${String(header.alg)}` };
  const key = keys.find((k) => k.kid === header.kid);
  if (!key) return { ok: false, reason: `signed with ${String(header.kid)}, not a key of ${authorityDid}` };
  const publicKey = await suite.importKey(ed25519RawToJwk(Buffer.from(key.publicKeyHex, 'hex')));
  const valid = publicKey !== undefined && (await suite.verify('EdDSA', publicKey, signingInput(jws), parsed.jws.signature));
  if (!valid) return { ok: false, reason: 'the signature does not verify' };
  if (payload.iss !== authorityDid) return { ok: false, reason: `issued by ${String(payload.iss)}` };
  const claim = payload.vc?.credentialSubject?.auditCheckpoint;
  if (!payload.vc?.type?.includes(AUDIT_CHECKPOINT_TYPE) || !claim) return { ok: false, reason: 'not an audit checkpoint' };
  if (key.compromisedSince !== undefined && claim.at >= key.compromisedSince) return { ok: false, reason: `signed after ${key.kid} was compromised (${key.compromisedSince})` };
  if (row && (row.kind !== claim.kind || row.seq !== claim.seq || row.headHash !== claim.hash || row.at !== claim.at)) return { ok: false, reason: 'the stored row differs from what was signed' };
  return { ok: true, claim };
}
