/**
 * Revocation and suspension as Digital Bazaar's Bitstring Status List implementation
 * (`@digitalbazaar/vc-bitstring-status-list`, an independent implementation of BSL v1.0)
 * sees them. Its `checkStatus` loads each entry's `statusListCredential` through the
 * document loader given; here the loader fetches the status-list VC-JWT from the agent
 * and verifies it with did-jwt-vc, so the library's own Data Integrity check of the list
 * is off (`verifyBitstringStatusListCredential: false`: the list is secured by its JWS).
 * The library still checks that the list's issuer is the permit's, its type, its purpose
 * and its encoding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredential } from 'did-jwt-vc';
import { checkStatus, getCredentialStatus, statusTypeMatches } from '@digitalbazaar/vc-bitstring-status-list';
import { STATUS_LIST_V1_CONTEXT } from '../../src/vocab/contexts.js';
import { decodeCredential, issueCredentials, loopbackResolver, type IssuedCredentials } from './helpers.js';

let issued: IssuedCredentials;

beforeAll(async () => {
  issued = await issueCredentials();
});

afterAll(async () => {
  await issued?.agent.stop();
});

/** The status list as a verified credential: fetched from its issuer, checked by did-jwt-vc. */
async function loadVerifiedStatusList(url: string): Promise<{ document: unknown }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const verified = await verifyCredential(await response.text(), loopbackResolver(), { proofPurpose: 'assertionMethod' });
  return { document: verified.verifiableCredential };
}

/** The bit of each purpose, as checkStatus reports it. */
async function statusBits(jwt: string): Promise<Record<string, boolean>> {
  const result = await checkStatus({ credential: decodeCredential(jwt), documentLoader: loadVerifiedStatusList, verifyBitstringStatusListCredential: false });
  if (!result.verified) throw result.error ?? new Error('status not verified');
  return Object.fromEntries(result.results!.map((r) => [r.credentialStatus.statusPurpose, r.status]));
}

describe('@digitalbazaar/vc-bitstring-status-list', () => {
  it('recognises the permit as carrying Bitstring Status List entries of both purposes', () => {
    const credential = decodeCredential(issued.permit);
    expect(statusTypeMatches({ credential })).toBe(true);
    for (const statusPurpose of ['revocation', 'suspension']) {
      const entry = getCredentialStatus({ credential, statusPurpose });
      expect(entry).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose });
      // VC Data Model 1.1 §4.9: the entry has an id; BSL §2.1: not the list's own.
      expect(entry['id']).toBe(`${entry['statusListCredential']}#${entry['statusListIndex']}`);
    }
  });

  it('reports neither bit set for a fresh permit', async () => {
    expect(await statusBits(issued.permit)).toEqual({ revocation: false, suspension: false });
  });

  it('reports the revocation bit of a revoked permit', async () => {
    expect(await statusBits(issued.revokedPermit)).toEqual({ revocation: true, suspension: false });
  });

  it('reports the suspension bit of a suspended permit', async () => {
    expect(await statusBits(issued.suspendedPermit)).toEqual({ revocation: false, suspension: true });
  });

  it('refuses the entries of a credential without the status-list context (the defect this guards)', () => {
    const credential = decodeCredential(issued.permit);
    credential['@context'] = credential['@context'].filter((url: string) => url !== STATUS_LIST_V1_CONTEXT);
    expect(statusTypeMatches({ credential })).toBe(false);
    expect(() => getCredentialStatus({ credential, statusPurpose: 'revocation' })).toThrow(`"@context" must include "${STATUS_LIST_V1_CONTEXT}".`);
  });

  it('refuses a status list of another issuer', async () => {
    const credential = decodeCredential(issued.permit);
    credential.issuer = { id: 'did:web:localhost%3A1' };
    const result = await checkStatus({ credential, documentLoader: loadVerifiedStatusList, verifyBitstringStatusListCredential: false });
    expect(result.verified).toBe(false);
    expect(result.error?.message).toBe('Issuers of the status list credential and verifiable credential do not match.');
  });
});
