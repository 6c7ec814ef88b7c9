/**
 * The start-up self-test: sign one message with an identity's stored key and check it with
 * that identity's public key, so that a wrong secret (the key store does not open) or a
 * damaged key fails at start with a clear message, not at the first permit.
 */
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { ed25519Jwk } from './did-document.js';
import type { AuthorityIdentity } from './identity.js';
import { SecretError, SECRET_ENV } from './secret.js';

/** The key manager's one operation the self-test needs (Veramo's keyManagerSign). */
export interface KeySigner {
  keyManagerSign(args: { keyRef: string; data: string; algorithm: 'EdDSA'; encoding: 'utf-8' }): Promise<string>;
}

export async function selfTest(keys: KeySigner, identity: Pick<AuthorityIdentity, 'did' | 'kid' | 'publicKeyHex'>, databaseFile: string): Promise<void> {
  const message = `saiga self-test ${new Date().toISOString()}`;
  let signature: string;
  try {
    signature = await keys.keyManagerSign({ keyRef: identity.kid, data: message, algorithm: 'EdDSA', encoding: 'utf-8' });
  } catch (error) {
    throw new SecretError(
      `the secret key does not open the key store in ${databaseFile} (${SECRET_ENV} or the secret file is not the one this agent was created with): ${(error as Error).message}`,
    );
  }
  const publicKey = createPublicKey({ key: ed25519Jwk(identity.publicKeyHex), format: 'jwk' });
  if (!verifySignature(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64url'))) {
    throw new SecretError(`the signing self-test failed for ${identity.did}: the stored key does not match its public key`);
  }
}
