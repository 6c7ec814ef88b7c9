/**
 * Signing as one of the agent's identities, through Veramo: the one place a credential is
 * signed. The JOSE header names the verification method that signed it (RFC 7515 §4.1.4
 * `kid`, the absolute DID URL of did-document.ts), so verifiers use that key alone; a JWT
 * signed by another identity, or naming another key, is refused before anyone sees it.
 */
import type { CredentialPayload, ICredentialPlugin, IDIDManager, IKeyManager, IResolver, TAgent } from '@veramo/core';
import type { IDIDComm } from '@veramo/did-comm';
import { verificationMethodId } from '../identity/did-document.js';
import type { AuthorityIdentity } from '../identity/identity.js';
import type { Signer } from './capabilities.js';

/** IDIDComm: DIDComm v2 packing for the exchange (./didcomm-envelope.ts). */
export type VeramoAgent = TAgent<IDIDManager & IKeyManager & IResolver & ICredentialPlugin & IDIDComm>;

export function signerOf(veramo: VeramoAgent, who: AuthorityIdentity): Signer {
  const kid = verificationMethodId(who.did, who.publicKeyHex);
  return {
    did: who.did,
    async sign(credential: object) {
      const header = { alg: 'EdDSA', typ: 'JWT', kid: await kid };
      const signed = await veramo.createVerifiableCredential({ credential: credential as CredentialPayload, proofFormat: 'jwt', keyRef: who.kid, header });
      if ((signed.issuer as { id?: string }).id !== who.did && signed.issuer !== who.did) throw new Error(`signed by the wrong identity: ${String(signed.issuer)}`);
      const jwt = (signed.proof as { jwt: string }).jwt;
      const signedHeader = JSON.parse(Buffer.from(jwt.slice(0, jwt.indexOf('.')), 'base64url').toString('utf8')) as Record<string, unknown>;
      if (signedHeader.kid !== header.kid) throw new Error(`the signed JWT does not name its key (kid ${String(signedHeader.kid)})`);
      return jwt;
    },
  };
}
