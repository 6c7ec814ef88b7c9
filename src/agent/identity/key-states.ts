/**
 * An identity's signing keys as an operator sees them (`saiga key list`): each key's
 * verification-method id, public key and state, from Veramo's keys (or the store's copy of
 * them) and Saiga's key history (src/store/signing-keys.ts). The same for both ways of
 * opening an agent, like the DID documents built from them.
 */
import { currentKey, orderedKeys, verificationMethodId, type KeyState, type PublicKeyInfo } from './did-document.js';

/** The identities whose keys rotate: the Management Authority (permits, status lists) and customs (endorsements). */
export type KeyIdentity = 'authority' | 'customs';
export const KEY_IDENTITIES: readonly KeyIdentity[] = ['authority', 'customs'];

export interface SigningKeyView {
  identity: KeyIdentity;
  did: string;
  /** The verification-method id: what JWTs name in `kid`, and what `saiga key revoke` takes. */
  kid: string;
  publicKeyHex: string;
  /** current: new credentials are signed with it; active: still verifies and may sign after a rotation is undone; revoked. */
  state: 'current' | 'active' | 'revoked';
  addedAt?: string;
  revokedAt?: string;
  compromisedSince?: string;
}

/** The views of one identity's keys, oldest first. */
export async function keyViews(identity: KeyIdentity, did: string, keys: readonly PublicKeyInfo[], states: readonly KeyState[]): Promise<SigningKeyView[]> {
  const current = currentKey(keys, states);
  return Promise.all(
    orderedKeys(keys, states).map(async (key) => ({
      identity,
      did,
      kid: await verificationMethodId(did, key.publicKeyHex),
      publicKeyHex: key.publicKeyHex,
      state: key.revokedAt !== undefined ? 'revoked' : key.publicKeyHex === current?.publicKeyHex ? 'current' : 'active',
      ...(key.addedAt !== undefined && { addedAt: key.addedAt }),
      ...(key.revokedAt !== undefined && { revokedAt: key.revokedAt }),
      ...(key.compromisedSince !== undefined && { compromisedSince: key.compromisedSince }),
    })),
  );
}
