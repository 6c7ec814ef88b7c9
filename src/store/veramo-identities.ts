/**
 * The agent's identities as Veramo's data store keeps them, read without starting Veramo:
 * read-only commands need only the public facts (DID and public keys), and starting Veramo
 * (TypeORM, the key manager, its migrations) would cost them most of their time.
 *
 * Veramo 7's data store keeps identifiers in `identifier` (did, alias, provider) and their
 * keys in `key` (type, publicKeyHex, identifierDid); its DID manager looks identifiers up by
 * alias and provider, as this does. A test (test/cli/read-only.test.ts) checks that both
 * paths give the same DID documents.
 */
import type { Queryable } from './sqlite.js';

export interface StoredIdentityKey {
  did: string;
  type: string;
  publicKeyHex: string;
}

export class IdentityKeyReads {
  constructor(private readonly q: Queryable) {}

  /** The keys of the identifier with this alias and provider, in key id order; [] when there is none. */
  keysOf(alias: string, provider: string): Promise<StoredIdentityKey[]> {
    return this.q.all<{ did: string; type: string; publicKeyHex: string }>(
      'SELECT i.did AS did, k.type AS type, k.publicKeyHex AS publicKeyHex FROM identifier i JOIN key k ON k.identifierDid = i.did WHERE i.alias = ? AND i.provider = ? ORDER BY k.kid',
      [alias, provider],
    );
  }
}
