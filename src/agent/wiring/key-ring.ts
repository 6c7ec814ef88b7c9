/**
 * Key rotation and revocation (issue 9 §6, Decision 6): Veramo keeps the keys, Saiga their
 * history (src/store/signing-keys.ts). `rotate` adds a new Ed25519 key to the identity's DID
 * through Veramo; the signers (./signer.ts) sign with the newest key not revoked from then on.
 * `revoke` takes a key out of use: what it signed before stays verifiable (the DID document
 * keeps it, marked `revoked`), what it signed after (or after `compromisedSince`) is refused.
 *
 * A change made here (the API's POST /api/keys/rotate and /api/keys/{kid}/revoke in a serving
 * agent) is published at once through `publish` (src/agent/identity/identity-documents.ts). A
 * change made by another process (the CLI while `saiga serve` runs) is seen at this agent's next
 * start; until then it keeps publishing its own view (docs/keys.md).
 */
import { AUDIT_ACTIONS, CLI_ACTOR } from '../../audit/record.js';
import type { AuditActor } from '../../store/audit-log.js';
import type { ExchangeEvents } from '../../exchange/ports.js';
import type { KeyRevokedBody } from '../../exchange/message-types.js';
import type { SaigaStore, UnitOfWork } from '../../store/unit-of-work.js';
import type { SigningKeyRow } from '../../store/signing-keys.js';
import { currentKey, verificationMethodId } from '../identity/did-document.js';
import type { AuthorityIdentity } from '../identity/identity.js';
import type { KeysOf } from '../identity/identity-documents.js';
import { KEY_IDENTITIES, keyViews, type KeyIdentity, type SigningKeyView } from '../identity/key-states.js';
import { selfTest } from '../identity/self-test.js';
import type { SigningRole } from './capabilities.js';
import type { SigningKeyRef, VeramoAgent } from './signer.js';

import type { KeyErrorCode, KeyOutcome, KeyRevocation, SignedWithKey } from './capabilities.js';

/** A refused key operation: nothing was changed. */
export class KeyError extends Error {
  constructor(
    readonly code: KeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KeyError';
  }
}

/** A key operation's answer for the capabilities: a refusal (KeyError) becomes its code and message. */
export async function keyOutcome<T>(operation: () => Promise<T>): Promise<KeyOutcome<T>> {
  try {
    return { ok: true, value: await operation() };
  } catch (error) {
    if (error instanceof KeyError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

export interface KeyRingDeps {
  veramo: VeramoAgent;
  store: SaigaStore;
  identities: Record<SigningRole, AuthorityIdentity>;
  /** Signs the authority's status lists again with its current key, in `work` (StatusLists.resignAll); returns how many. */
  resignStatusLists: (work: UnitOfWork) => Promise<number>;
  now: () => Date;
  databaseFile: string;
  /** The transactional outbox: peers hear of a revocation (keyRevoked) with the commit that makes it. */
  exchange?: () => ExchangeEvents | undefined;
  /**
   * Publishes the DID documents of these keys (IdentityDocuments.refresh). Called before a new
   * key signs, and after a revocation commits: a verifier must find every key that signs.
   */
  publish?: (keysOf: KeysOf) => Promise<void>;
}

/** When a JWT says it was signed (the later of iat and nbf, as the verifier reads it: src/verify/signed-credential.ts). */
function signedAtOf(jwt: string): { kid?: string; signedAt?: Date } {
  try {
    const [h, p] = jwt.split('.') as [string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { kid?: unknown };
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { iat?: unknown; nbf?: unknown };
    const times = [payload.iat, payload.nbf].filter((t): t is number => typeof t === 'number');
    return { ...(typeof header.kid === 'string' && { kid: header.kid }), ...(times.length > 0 && { signedAt: new Date(Math.max(...times) * 1000) }) };
  } catch {
    return {};
  }
}

export class KeyRing {
  /** One key operation at a time: a revocation swaps the states before its transaction and restores them on failure. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly deps: KeyRingDeps,
    private states: Map<string, SigningKeyRow[]>,
  ) {}

  private serialised<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** An identity's keys and states as they are now, for its DID document. */
  readonly keysOf: KeysOf = (did) => {
    const identity = Object.values(this.deps.identities).find((i) => i.did === did);
    return { keys: identity?.identifier.keys ?? [], states: this.statesOf(did) };
  };

  static async open(deps: KeyRingDeps): Promise<KeyRing> {
    const states = new Map<string, SigningKeyRow[]>();
    for (const identity of Object.values(deps.identities)) states.set(identity.did, await deps.store.reads.signingKeys.forDid(identity.did));
    return new KeyRing(deps, states);
  }

  /** The key an identity signs with now: its newest key not revoked. */
  current(role: SigningRole): SigningKeyRef {
    const identity = this.deps.identities[role];
    const key = currentKey(identity.identifier.keys, this.states.get(identity.did));
    if (key === undefined) throw new Error(`${identity.did} has no active Ed25519 key`);
    return { kid: key.kid, publicKeyHex: key.publicKeyHex };
  }

  /**
   * The key to sign with now, checked against the database: a key revoked by another process
   * (`saiga key revoke` while `saiga serve` runs) must not sign again, since verifiers refuse what
   * it signs (KEY_REVOKED). This process cannot publish another key before it restarts, so it
   * refuses to sign, and says so.
   */
  async signingKey(role: SigningRole): Promise<SigningKeyRef> {
    const key = this.current(role);
    const { did } = this.deps.identities[role];
    const row = await this.deps.store.reads.signingKeys.byKid(await verificationMethodId(did, key.publicKeyHex));
    if (row?.revokedAt !== undefined && this.statesOf(did).every((r) => r.kid !== row.kid || r.revokedAt === undefined)) {
      throw new Error(`the signing key ${row.kid} of ${did} was revoked at ${row.revokedAt} by another process: restart the agent so that it signs with its current key`);
    }
    return key;
  }

  /** The recorded states of a DID's keys, for its DID document. */
  statesOf(did: string): SigningKeyRow[] {
    return this.states.get(did) ?? [];
  }

  async list(): Promise<SigningKeyView[]> {
    const views = await Promise.all(KEY_IDENTITIES.map((role) => this.viewsOf(role)));
    return views.flat();
  }

  private viewsOf(role: KeyIdentity): Promise<SigningKeyView[]> {
    const { did, identifier } = this.deps.identities[role];
    return keyViews(role, did, identifier.keys, this.statesOf(did));
  }

  /** Adds a new Ed25519 key to the identity's DID; it signs from now on. */
  rotate(role: KeyIdentity, actor: AuditActor = CLI_ACTOR): Promise<SigningKeyView> {
    return this.serialised(() => this.rotateNow(role, actor));
  }

  private async rotateNow(role: KeyIdentity, actor: AuditActor): Promise<SigningKeyView> {
    const { veramo, store, now } = this.deps;
    const identity = this.deps.identities[role];
    // did:key: the DID is its key (did:key §3.1), so it cannot take a second one.
    if (!identity.did.startsWith('did:web:')) throw new KeyError('KEY_ROTATION_UNSUPPORTED', `${identity.did} is a did:key: its key is the DID itself and cannot be rotated. Rotation needs a did:web identity.`);
    const key = await veramo.keyManagerCreate({ kms: 'local', type: 'Ed25519' });
    const kid = await verificationMethodId(identity.did, key.publicKeyHex);
    // The history first: a rotation that stops before the key joins the DID leaves a row no document lists.
    const row = { kid, did: identity.did, publicKeyHex: key.publicKeyHex, addedAt: now().toISOString() };
    await store.transaction(async (work) => {
      await work.signingKeys.add(row);
      await work.audit.append({ actor, action: AUDIT_ACTIONS.keyRotate, subject: kid, after: row, details: { identity: role, did: identity.did } });
    });
    await veramo.didManagerAddKey({ did: identity.did, key });
    await selfTest(veramo, { did: identity.did, kid: key.kid, publicKeyHex: key.publicKeyHex }, this.deps.databaseFile);
    const added = { kid: key.kid, type: 'Ed25519', publicKeyHex: key.publicKeyHex };
    const states = [...this.statesOf(identity.did), row];
    // Published first, then used: the signers pick the new key only once its document is out.
    await this.deps.publish?.((did) => (did === identity.did ? { keys: [...identity.identifier.keys, added], states } : this.keysOf(did)));
    identity.identifier.keys.push(added);
    this.states.set(identity.did, states);
    return (await this.viewsOf(role)).find((view) => view.kid === kid)!;
  }

  /**
   * Revokes a key (its verification-method id), refused for an identity's last active key. In one
   * unit of work: the key's state, the status lists re-signed with the current key, and the
   * keyRevoked event for peers. Lists what the key signed, and what of it must be issued again.
   */
  revoke(kid: string, compromisedSince?: Date, actor: AuditActor = CLI_ACTOR): Promise<KeyRevocation> {
    return this.serialised(() => this.revokeNow(kid, compromisedSince, actor));
  }

  private async revokeNow(kid: string, compromisedSince: Date | undefined, actor: AuditActor): Promise<KeyRevocation> {
    const { store, now, resignStatusLists, exchange } = this.deps;
    const all = await this.list();
    const view = all.find((v) => v.kid === kid);
    if (view === undefined) throw new KeyError('KEY_NOT_FOUND', `No signing key ${kid} (see "saiga key list").`);
    if (view.state === 'revoked') throw new KeyError('KEY_ALREADY_REVOKED', `The key ${kid} was revoked already, at ${view.revokedAt}.`);
    if (!all.some((v) => v.identity === view.identity && v.state !== 'revoked' && v.kid !== kid)) {
      throw new KeyError('LAST_ACTIVE_KEY', `${kid} is the last active key of ${view.did}: rotate first ("saiga key rotate${view.identity === 'customs' ? ' --identity customs' : ''}"), then revoke it.`);
    }
    const revokedAt = now().toISOString();
    const since = compromisedSince?.toISOString();
    const before = this.states;
    const row: SigningKeyRow = { ...(before.get(view.did)?.find((r) => r.kid === kid) ?? { kid, did: view.did, publicKeyHex: view.publicKeyHex }), revokedAt, ...(since !== undefined && { compromisedSince: since }) };
    // The signers read the states: from here on they sign with the identity's next key.
    this.states = new Map(before).set(view.did, [...(before.get(view.did) ?? []).filter((r) => r.kid !== kid), row]);
    let statusListsResigned = 0;
    try {
      await store.transaction(async (work) => {
        if (!(await work.signingKeys.revoke(view, revokedAt, since))) throw new KeyError('KEY_ALREADY_REVOKED', `The key ${kid} was revoked already.`);
        // The authority signs the status lists: those signed with the revoked key would fail their check.
        if (view.identity === 'authority') statusListsResigned = await resignStatusLists(work);
        const body: KeyRevokedBody = { kid, revokedAt, ...(since !== undefined && { compromisedSince: since }) };
        await exchange?.()?.record(work, { kind: 'keyRevoked', body });
        await work.audit.append({ actor, action: AUDIT_ACTIONS.keyRevoke, subject: kid, after: body, details: { identity: view.identity, did: view.did, statusListsResigned } });
      });
    } catch (error) {
      this.states = before;
      throw error;
    }
    // Committed: the document shows the key revoked (the signers stopped using it above).
    await this.deps.publish?.(this.keysOf);
    const credentials = await store.reads.signingKeys.credentialsSignedAs(view.did, view.identity === 'authority' ? 'permit' : 'endorsement');
    const signedWithKey: SignedWithKey[] = [];
    for (const credential of credentials) {
      const { kid: signedKid, signedAt } = signedAtOf(credential.jwt);
      if (signedKid !== kid) continue;
      const reissue = since !== undefined && (signedAt === undefined || signedAt.getTime() >= compromisedSince!.getTime());
      signedWithKey.push({ kind: view.identity === 'authority' ? 'permit' : 'endorsement', permitNumber: credential.permitNumber, credentialId: credential.credentialId, ...(signedAt && { signedAt: signedAt.toISOString() }), reissue });
    }
    const views = await this.viewsOf(view.identity);
    return { key: views.find((v) => v.kid === kid)!, current: views.find((v) => v.state === 'current')!, statusListsResigned, signedWithKey };
  }
}
