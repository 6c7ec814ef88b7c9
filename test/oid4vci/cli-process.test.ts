/**
 * Issue 12 §2 against the built agent (dist/): `saiga permit offer` makes an offer while `saiga
 * serve` runs, and the library's wallet redeems it from that process (its saiga.url is http on
 * loopback, the one case in which the agent allows http: src/agent/wiring/oid4vci.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initAuthority, readExample, runCli, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { newWallet } from './helpers.js';
import { PERMIT_CONFIGURATION_ID } from '../../src/oid4vci/metadata.js';

let lk: AuthorityProcess;

beforeAll(async () => {
  lk = await serveAuthority(await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }));
}, 120_000);
afterAll(async () => lk?.stop());

describe('saiga permit offer', () => {
  it('prints the offer and its tx_code once; the wallet redeems it from the running agent', async () => {
    const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
    expect(issued.status).toBe(201);
    const number = issued.body.permitNumber as string;
    const cli = await runCli(['permit', 'offer', number, '--config', lk.config, '--officer', 'Anoma Perera', '--json']);
    expect(cli.code).toBe(0);
    const offer = JSON.parse(cli.stdout) as { offerId: string; credentialOffer: string; txCode: string; expiresAt: string };
    expect(offer.txCode).toMatch(/^\d{6}$/);
    expect(offer.credentialOffer).toBe(`openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${lk.url}/oid4vci/offers/${offer.offerId}`)}`);

    const { client, did } = await newWallet();
    const credentialOffer = await client.resolveCredentialOffer(offer.credentialOffer);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: offer.txCode });
    const { c_nonce } = await client.requestNonce({ issuerMetadata });
    const { jwt } = await client.createCredentialRequestJwtProof({ issuerMetadata, credentialConfigurationId: PERMIT_CONFIGURATION_ID, signer: { method: 'did', didUrl: `${did}#0`, alg: 'EdDSA' }, nonce: c_nonce });
    const retrieved = await client.retrieveCredentials({ issuerMetadata, accessToken: accessTokenResponse.access_token, credentialConfigurationId: PERMIT_CONFIGURATION_ID, proofs: { jwt: [jwt] } });
    expect((retrieved.credentialResponse.credentials?.[0] as { credential: string } | undefined)?.credential).toBe(issued.body.jwt);
    const verdict = await lk.api('/api/verify', { body: { credential: issued.body.jwt } });
    expect([verdict.status, verdict.body.verified]).toEqual([200, true]);

    const unknown = await runCli(['permit', 'offer', 'LK26-E999999', '--config', lk.config, '--json']);
    expect([unknown.code, JSON.parse(unknown.stdout).error.code]).toEqual([1, 'OID4VCI_PERMIT_NOT_FOUND']);
  }, 120_000);
});
