/**
 * The agent's signature suite for the verification core: node:crypto's one-shot
 * Ed25519 verify. It checks the same signatures as the core's default WebCrypto suite,
 * without WebCrypto's round trip through the thread pool, which in Node costs about
 * as much as the signature check itself.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { SignatureSuite } from '../verify/index.js';

export const nodeCryptoSuite: SignatureSuite = {
  importKey: async (jwk) => {
    try {
      return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
    } catch {
      return undefined;
    }
  },
  verify: (alg, key, data, signature) => {
    if (alg !== 'EdDSA') return false;
    try {
      return verify(null, data, key as KeyObject, signature);
    } catch {
      return false;
    }
  },
};
