/**
 * The authority's identity: one Ed25519 DID, did:web of its own URL or did:key where it
 * has no domain. Veramo's DID manager keeps it (keys encrypted in SQLite); this module
 * finds it, or creates it once.
 */
import type { IDIDManager, IIdentifier, IKeyManager, TAgent } from '@veramo/core';
import type { LoadedConfig } from './config.js';

/** Veramo alias of the did:key identity (a did:web's alias is its host and path). */
const KEY_ALIAS = 'saiga-authority';

export interface AuthorityIdentity {
  did: string;
  /** Veramo key id of the signing key. */
  kid: string;
  publicKeyHex: string;
  identifier: IIdentifier;
}

export class NotInitialisedError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(configPath: string) {
    super(`this agent has no identity yet: run "saiga init --config ${configPath}" or "saiga serve" first`);
    this.name = 'NotInitialisedError';
  }
}

function aliasFor(config: LoadedConfig): { alias: string; provider: string } {
  if (config.saiga.didMethod === 'web') return { alias: config.webDid!.slice('did:web:'.length), provider: 'did:web' };
  return { alias: KEY_ALIAS, provider: 'did:key' };
}

export async function findOrCreateIdentity(
  agent: TAgent<IDIDManager & IKeyManager>,
  config: LoadedConfig,
  create: boolean,
): Promise<{ identity: AuthorityIdentity; created: boolean }> {
  const { alias, provider } = aliasFor(config);
  let identifier: IIdentifier | undefined;
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
