/**
 * The signature check itself: WebCrypto over the exact bytes that were signed.
 *
 * The compact JWS has already been parsed strictly (`jws.ts`), its `alg` checked against
 * the allow-list and any `crit` refused, so what is left is RFC 7515 §5.2 step 8: verify
 * the signature over ASCII(BASE64URL(header) || '.' || BASE64URL(payload)). Checking the
 * signature directly, rather than with jose's `compactVerify`, avoids parsing the token
 * a second time on the verifier's hot path. Keys are imported with WebCrypto too (the JWK
 * of RFC 8037 §2 is what `importKey('jwk', …)` takes), so nothing else is loaded.
 */

import type { Ed25519PublicJwk } from './multikey.js';

/** JOSE algorithm → WebCrypto parameters (RFC 8037 §3.1 EdDSA with Ed25519). */
const WEBCRYPTO: Readonly<Record<string, AlgorithmIdentifier>> = { EdDSA: { name: 'Ed25519' } };

export const SUPPORTED_ALGORITHMS: readonly string[] = Object.keys(WEBCRYPTO);

const ascii = new TextEncoder();

/**
 * How keys are imported and signatures checked. The default is WebCrypto, which every
 * browser has; a runtime with a faster primitive may pass its own (the agent passes
 * node:crypto's one-shot verify, which skips WebCrypto's thread-pool round trip).
 * Whatever the suite, the algorithm has already been checked against the allow-list.
 */
export interface SignatureSuite {
  /** Turns an Ed25519 public JWK into the key `verify` takes; undefined when unusable. */
  importKey(jwk: Ed25519PublicJwk): Promise<unknown>;
  /** True only for a valid signature; never throws. */
  verify(alg: string, key: unknown, data: Uint8Array, signature: Uint8Array): Promise<boolean> | boolean;
}

/** The signing input of a compact JWS: everything before the last dot. */
export function signingInput(compact: string): Uint8Array {
  return ascii.encode(compact.slice(0, compact.lastIndexOf('.')));
}

/** True when `signature` is valid for `data` under `key`; false for a bad signature or an unusable key. */
export async function verifySignature(alg: string, key: CryptoKey, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const params = WEBCRYPTO[alg];
  if (params === undefined) return false;
  try {
    return await crypto.subtle.verify(params, key, signature as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

export const webCryptoSuite: SignatureSuite = {
  importKey: async (jwk) => {
    try {
      // Only the public members: WebCrypto refuses a JWK whose `alg` or `use` disagree.
      const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
      return await crypto.subtle.importKey('jwk', publicJwk, WEBCRYPTO.EdDSA!, false, ['verify']);
    } catch {
      return undefined;
    }
  },
  verify: (alg, key, data, signature) => verifySignature(alg, key as CryptoKey, data, signature),
};
