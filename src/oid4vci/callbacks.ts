/**
 * The crypto the OpenID4VC libraries ask of their user (they hold no key and do no crypto of
 * their own), done with `jose` and node:crypto: hashing, randomness, signing access tokens with
 * the access-token key (./keys.ts), and verifying JWTs: our access tokens and the wallets'
 * proofs of possession (OpenID4VCI 1.0 §8.2.1.1), whose keys are a `jwk` header, a did:jwk or
 * an Ed25519 did:key. Resolving any other DID would mean fetching from the network on a
 * wallet's say-so: such a proof is refused (invalid_proof).
 */
import { createHash, randomBytes } from 'node:crypto';
import { CompactSign, compactVerify, importJWK, type JWK } from 'jose';
import { clientAuthenticationNone, type CallbackContext, type Jwk, type JwtSigner } from '@openid4vc/oauth2';
import { decodeEd25519Multikey, ed25519RawToJwk } from '../verify/multikey.js';
import type { AccessTokenKey } from './keys.js';

/** The public key a did:jwk or an Ed25519 did:key names (its fragment, if any, ignored); undefined for any other DID. */
export function jwkOfDid(didUrl: string): Jwk | undefined {
  const did = didUrl.split('#')[0]!;
  try {
    if (did.startsWith('did:jwk:')) {
      const jwk = JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8')) as Jwk;
      return jwk && typeof jwk === 'object' && typeof jwk.kty === 'string' && !('d' in jwk) ? jwk : undefined;
    }
    if (did.startsWith('did:key:')) {
      const raw = decodeEd25519Multikey(did.slice('did:key:'.length));
      return raw ? (ed25519RawToJwk(raw) as Jwk) : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function signerJwk(signer: JwtSigner): Jwk | undefined {
  if (signer.method === 'jwk') return signer.publicJwk;
  if (signer.method === 'did') return jwkOfDid(signer.didUrl);
  return undefined;
}

export interface CallbackOptions {
  key: AccessTokenKey;
  /** The JWKS URI of the access-token key: answered from memory, so the resource server never fetches it. */
  jwksUri: string;
}

export function callbacksOf({ key, jwksUri }: CallbackOptions): Omit<CallbackContext, 'encryptJwe' | 'decryptJwe'> {
  const jwks = JSON.stringify({ keys: [key.publicJwk] });
  return {
    hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '')).update(data).digest()),
    generateRandom: (length) => new Uint8Array(randomBytes(length)),
    clientAuthentication: clientAuthenticationNone({ clientId: 'wallet' }),
    // Only our own JWKS is ever fetched (the access-token check); nothing else leaves the agent.
    fetch: async (input) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url;
      if (url !== jwksUri) throw new Error(`the OpenID4VCI issuer fetches nothing but its own JWKS (asked for ${url})`);
      return new Response(jwks, { status: 200, headers: { 'content-type': 'application/jwk-set+json' } });
    },
    signJwt: async (signer, { header, payload }) => {
      if (signer.method !== 'jwk' || signer.publicJwk.kid !== key.publicJwk.kid) throw new Error('only the access-token key signs here');
      const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ ...header, alg: 'EdDSA', kid: key.publicJwk.kid })
        .sign(key.privateKey);
      return { jwt, signerJwk: key.publicJwk as Jwk };
    },
    verifyJwt: async (signer, { compact }) => {
      const jwk = signerJwk(signer);
      if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') return { verified: false };
      try {
        await compactVerify(compact, await importJWK(jwk as JWK, 'EdDSA'), { algorithms: ['EdDSA', 'Ed25519'] });
        return { verified: true, signerJwk: jwk };
      } catch {
        return { verified: false };
      }
    },
  };
}
