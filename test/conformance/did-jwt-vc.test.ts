/**
 * Every kind of credential a Saiga agent signs verifies with did-jwt-vc and did-resolver
 * (an independent VC-JWT implementation), resolving the agent's did:web over loopback:
 * the permit, the export endorsement, both status lists and the trust list. The
 * signature must be checked with the issuer's assertionMethod key that the JWT header's
 * `kid` names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredential } from 'did-jwt-vc';
import { decodePayload, encodeSegment } from '../helpers/forge.js';
import { issueCredentials, loopbackResolver, type IssuedCredentials } from './helpers.js';

let issued: IssuedCredentials;

beforeAll(async () => {
  issued = await issueCredentials();
});

afterAll(async () => {
  await issued?.agent.stop();
});

const header = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as { alg: string; kid?: string };

/** did-jwt-vc's verdict, keeping what the tests compare. */
async function verify(jwt: string) {
  const result = await verifyCredential(jwt, loopbackResolver(), { proofPurpose: 'assertionMethod' });
  return { issuer: result.issuer, signer: result.signer.id, types: result.verifiableCredential.type, kid: header(jwt).kid };
}

describe('did-jwt-vc verifyCredential, did:web resolved over loopback', () => {
  it('verifies the permit, signed by the Management Authority key its kid names', async () => {
    const result = await verify(issued.permit);
    expect(result.issuer).toBe(issued.agent.did);
    expect(result.types).toEqual(['VerifiableCredential', 'CITESPermit']);
    expect(result.kid).toMatch(new RegExp(`^${issued.agent.did}#`));
    expect(result.signer).toBe(result.kid);
  });

  it('verifies the export endorsement, signed by the customs identity', async () => {
    const result = await verify(issued.endorsement);
    expect(result.issuer).toBe(`${issued.agent.did}:customs`);
    expect(result.types).toEqual(['VerifiableCredential', 'CITESExportEndorsement']);
    expect(result.signer).toBe(result.kid);
  });

  it('verifies the import confirmation, signed by the customs identity (issue 9)', async () => {
    const result = await verify(issued.importConfirmation);
    expect(result.issuer).toBe(`${issued.agent.did}:customs`);
    expect(result.types).toEqual(['VerifiableCredential', 'CITESImportConfirmation']);
    expect(result.signer).toBe(result.kid);
  });

  it.each(['revocation', 'suspension'] as const)('verifies the %s status list, signed by the permit issuer', async (purpose) => {
    const result = await verify(await issued.statusList(purpose));
    expect(result.issuer).toBe(issued.agent.did);
    expect(result.types).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(result.signer).toBe(result.kid);
  });

  it('verifies the trust list, signed by the trust anchor', async () => {
    const result = await verify(issued.trustList);
    expect(result.issuer).toBe(`${issued.agent.did}:trust-anchor`);
    expect(result.types).toEqual(['VerifiableCredential', 'CITESTrustList']);
    expect(result.signer).toBe(result.kid);
  });

  it('refuses a permit changed after signing (so the checks above are real)', async () => {
    const [head, , signature] = issued.permit.split('.');
    const payload = decodePayload(issued.permit);
    payload.vc.credentialSubject.specimens[0].quantity += 1;
    const altered = `${head}.${encodeSegment(payload)}.${signature}`;
    await expect(verifyCredential(altered, loopbackResolver(), { proofPurpose: 'assertionMethod' })).rejects.toThrow(/invalid_signature/);
  });

  it('refuses a DID that is not on loopback without fetching it', async () => {
    const resolution = await loopbackResolver().resolve('did:web:cites.example.org');
    expect(resolution.didResolutionMetadata).toEqual({ error: 'notFound', message: 'only loopback did:web is resolved here, not cites.example.org' });
  });
});
