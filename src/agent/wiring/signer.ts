/**
 * Signing as one of the agent's identities, through Veramo: the one place a credential is
 * signed. The JOSE header names the verification method that signed it (RFC 7515 §4.1.4
 * `kid`, the absolute DID URL of did-document.ts), so verifiers use that key alone; a JWT
 * signed by another identity, or naming another key, is refused before anyone sees it.
 *
 * The key is chosen at each signature (`currentKey`): the newest key of the identity that is
 * not revoked (did-document.ts `currentKey`), so a rotation or revocation made by this
 * process applies to the next credential it signs.
 */
import type { CredentialPayload, ICredentialPlugin, IDIDManager, IKeyManager, IResolver, TAgent } from '@veramo/core';
import type { IDIDComm } from '@veramo/did-comm';
import { verificationMethodId } from '../identity/did-document.js';
import type { Signer } from './capabilities.js';

/** IDIDComm: DIDComm v2 packing for the exchange (./didcomm-envelope.ts). */
export type VeramoAgent = TAgent<IDIDManager & IKeyManager & IResolver & ICredentialPlugin & IDIDComm>;

/** A key as Veramo's key manager names it (`kid`) with its public key. */
export interface SigningKeyRef {
  kid: string;
  publicKeyHex: string;
}

export function signerOf(veramo: VeramoAgent, did: string, currentKey: () => SigningKeyRef | Promise<SigningKeyRef>): Signer {
  return {
    did,
    async sign(credential: object) {
      const key = await currentKey();
      const header = { alg: 'EdDSA', typ: 'JWT', kid: await verificationMethodId(did, key.publicKeyHex) };
      const signed = await veramo.createVerifiableCredential({ credential: credential as CredentialPayload, proofFormat: 'jwt', keyRef: key.kid, header });
      if ((signed.issuer as { id?: string }).id !== did && signed.issuer !== did) throw new Error(`signed by the wrong identity: ${String(signed.issuer)}`);
      const jwt = (signed.proof as { jwt: string }).jwt;
      const signedHeader = JSON.parse(Buffer.from(jwt.slice(0, jwt.indexOf('.')), 'base64url').toString('utf8')) as Record<string, unknown>;
      if (signedHeader.kid !== header.kid) throw new Error(`the signed JWT does not name its key (kid ${String(signedHeader.kid)})`);
      return jwt;
    },
    // RFC 7515 §7.1 compact serialization, signed by the key manager (the signature is base64url, as the self-test reads it).
    async signJws(claims: Record<string, unknown>) {
      const key = await currentKey();
      const header = { alg: 'EdDSA', typ: 'JWT', kid: await verificationMethodId(did, key.publicKeyHex) };
      const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
      const signature = await veramo.keyManagerSign({ keyRef: key.kid, data: input, algorithm: 'EdDSA', encoding: 'utf-8' });
      return `${input}.${signature}`;
    },
  };
}
