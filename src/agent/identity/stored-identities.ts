/**
 * The agent's identities as its database holds them, read without starting Veramo: the DID
 * and public keys of the Management Authority, customs and trust-anchor identities. Read-only
 * commands (permit list, show, status, verify) need these public facts only, and starting
 * Veramo (TypeORM, the key manager, its migrations) would cost them most of their time.
 *
 * Veramo 7's data store keeps identifiers in `identifier` (did, alias, provider) and their
 * keys in `key` (type, publicKeyHex, identifierDid); `findOrCreateIdentity` looks them up by
 * the same alias and provider. A test checks that both paths give the same DID documents.
 */
import type { LoadedConfig } from '../config/config.js';
import { aliasFor, NotInitialisedError, type IdentityRole } from './identity.js';
import type { PublicKeyInfo } from './did-document.js';
import type { Queryable } from '../../store/sqlite.js';

export interface StoredIdentity {
  did: string;
  keys: PublicKeyInfo[];
}

export async function readStoredIdentity(db: Queryable, config: LoadedConfig, role: IdentityRole): Promise<StoredIdentity> {
  const { alias, provider } = aliasFor(config, role);
  const rows = await db.all<{ did: string; type: string; publicKeyHex: string }>(
    'SELECT i.did AS did, k.type AS type, k.publicKeyHex AS publicKeyHex FROM identifier i JOIN key k ON k.identifierDid = i.did WHERE i.alias = ? AND i.provider = ? ORDER BY k.kid',
    [alias, provider],
  );
  if (rows.length === 0) throw new NotInitialisedError(config.configPath);
  return { did: rows[0]!.did, keys: rows.map((r) => ({ type: r.type, publicKeyHex: r.publicKeyHex })) };
}
