/**
 * The authority's identity: one Ed25519 DID, did:web of its own URL or did:key where it
 * has no domain. Veramo's DID manager keeps it (keys encrypted in SQLite); this module
 * finds it, or creates it once.
 */
import type { LoadedConfig } from '../config/config.js';
import type { PublicKeyInfo } from './did-document.js';

/**
 * A DID with its keys as a DID manager keeps it (Veramo's IIdentifier has these fields). The
 * manager itself is Veramo's, wired in src/agent/wiring; this module names only what it uses.
 */
export interface ManagedIdentifier {
  did: string;
  keys: (PublicKeyInfo & { kid: string })[];
}

export interface IdentityManager {
  didManagerGetByAlias(args: { alias: string; provider: string }): Promise<ManagedIdentifier>;
  didManagerCreate(args: { alias: string; provider: string; kms: string; options: { keyType: 'Ed25519' } }): Promise<ManagedIdentifier>;
}

/** Veramo aliases of the did:key identities (a did:web's alias is its host and path). */
const KEY_ALIAS = 'saiga-authority';
const CUSTOMS_KEY_ALIAS = 'saiga-customs';
const ANCHOR_KEY_ALIAS = 'saiga-trust-anchor';
/** did:web path segment of the trust-anchor identity, which signs trust lists. */
export const ANCHOR_PATH_SEGMENT = 'trust-anchor';
/** did:web path segment of the customs identity: did:web:HOST:customs, served at /customs/did.json. */
export const CUSTOMS_PATH_SEGMENT = 'customs';

export type IdentityRole = 'authority' | 'customs' | 'anchor';

export interface AuthorityIdentity {
  did: string;
  /** Veramo key id of the signing key. */
  kid: string;
  publicKeyHex: string;
  identifier: ManagedIdentifier;
}

export class NotInitialisedError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(configPath: string) {
    super(`this agent has no identity yet: run "saiga init --config ${configPath}" or "saiga serve" first`);
    this.name = 'NotInitialisedError';
  }
}

export function aliasFor(config: LoadedConfig, role: IdentityRole): { alias: string; provider: string } {
  if (config.saiga.didMethod === 'web') {
    const host = config.webDid!.slice('did:web:'.length);
    const segment = { authority: undefined, customs: CUSTOMS_PATH_SEGMENT, anchor: ANCHOR_PATH_SEGMENT }[role];
    return { alias: segment === undefined ? host : `${host}:${segment}`, provider: 'did:web' };
  }
  return { alias: { authority: KEY_ALIAS, customs: CUSTOMS_KEY_ALIAS, anchor: ANCHOR_KEY_ALIAS }[role], provider: 'did:key' };
}

/**
 * Finds the authority's identity (Management Authority, signs permits and status lists)
 * or its customs identity (signs export endorsements), creating it when `create` is set.
 */
export async function findOrCreateIdentity(
  agent: IdentityManager,
  config: LoadedConfig,
  create: boolean,
  role: IdentityRole = 'authority',
): Promise<{ identity: AuthorityIdentity; created: boolean }> {
  const { alias, provider } = aliasFor(config, role);
  let identifier: ManagedIdentifier | undefined;
  let created = false;
  try {
    identifier = await agent.didManagerGetByAlias({ alias, provider });
  } catch {
    identifier = undefined;
  }
  if (!identifier) {
    if (!create) throw new NotInitialisedError(config.configPath);
    identifier = await agent.didManagerCreate({ alias, provider, kms: 'local', options: { keyType: 'Ed25519' } });
    created = true;
  }
  const key = identifier.keys.find((k) => k.type === 'Ed25519');
  if (!key) throw new Error(`${identifier.did} has no Ed25519 key`);
  return { identity: { did: identifier.did, kid: key.kid, publicKeyHex: key.publicKeyHex, identifier }, created };
}

/** Files that only an agent that already had an identity leaves in its data folder. */
const EARLIER_IDENTITY_SIGNS = ['secret.key', 'agent.sqlite-wal', 'agent.sqlite-shm'];

export class IdentityAtRiskError extends Error {
  readonly code = 'IDENTITY_AT_RISK';
  constructor(databaseFile: string, sign: string) {
    super(
      `no agent database at ${databaseFile}, but ${sign} is there: this agent had an identity, and starting now would make a new signing key under the same DID, so every permit issued before would fail its signature check. Restore the database from a backup, or start with --new-identity to create a new identity on purpose`,
    );
    this.name = 'IdentityAtRiskError';
  }
}

/**
 * A missing database beside an existing secret key is a lost database, not a new agent:
 * refuse to create an identity then, unless asked to explicitly (`--new-identity`).
 */
export function refuseSilentNewIdentity(databaseFile: string, dataDir: string, newIdentity: boolean, exists: (path: string) => boolean): void {
  if (newIdentity || exists(databaseFile)) return;
  const sign = EARLIER_IDENTITY_SIGNS.map((name) => `${dataDir}/${name}`).find(exists);
  if (sign) throw new IdentityAtRiskError(databaseFile, sign);
}
