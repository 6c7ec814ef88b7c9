/**
 * The agent's identities as its database holds them, read without starting Veramo: the DID
 * and public keys of the Management Authority, customs and trust-anchor identities. Read-only
 * commands (permit list, show, status, verify) need these public facts only. The rows are
 * read by src/store/veramo-identities.ts, by the same alias and provider `findOrCreateIdentity`
 * uses; a test checks that both paths give the same DID documents.
 */
import type { LoadedConfig } from '../config/config.js';
import { aliasFor, NotInitialisedError, type IdentityRole } from './identity.js';
import type { PublicKeyInfo } from './did-document.js';
import type { IdentityKeyReads } from '../../store/veramo-identities.js';

export interface StoredIdentity {
  did: string;
  keys: PublicKeyInfo[];
}

/** @param identities committed reads (`store.reads.identities`) */
export async function readStoredIdentity(identities: IdentityKeyReads, config: LoadedConfig, role: IdentityRole): Promise<StoredIdentity> {
  const { alias, provider } = aliasFor(config, role);
  const rows = await identities.keysOf(alias, provider);
  if (rows.length === 0) throw new NotInitialisedError(config.configPath);
  return { did: rows[0]!.did, keys: rows.map((r) => ({ type: r.type, publicKeyHex: r.publicKeyHex })) };
}
