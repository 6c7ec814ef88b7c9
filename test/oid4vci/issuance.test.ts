/**
 * Issue 12 §2 (docs/oid4vci.md): the agent as an OpenID4VCI 1.0 issuer, driven by the library's
 * own wallet client over real HTTP on loopback, real SQLite, a pinned clock. The wallet gets the
 * permit's VC-JWT exactly as issued, and the agent's verifier says it verifies; then every
 * refusal, each with its OAuth error code and HTTP status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { example } from '../store/helpers.js';
import { newWallet, oid4vciAgent, postForm, postJson, type Oid4vciAgent, type Wallet } from './helpers.js';
import { MAX_TX_CODE_FAILURES } from '../../src/oid4vci/issuer.js';
import { PERMIT_CONFIGURATION_ID } from '../../src/oid4vci/metadata.js';

const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

let agent: Oid4vciAgent;
let wallet: Wallet;
const permits: { number: string; jwt: string }[] = [];

async function issue(): Promise<{ number: string; jwt: string }> {
  const issued = await agent.saiga.capabilities.issuance.issue(example('export-lk-orchids.json'), { signatory: 'Anoma Perera' });
  if (!issued.ok) throw new Error(JSON.stringify(issued.errors));
  return { number: issued.record.permitNumber, jwt: issued.record.jwt };
}

async function api(path: string, body?: unknown) {
  const response = await fetch(`${agent.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${agent.officerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function offer(number: string, body?: unknown): Promise<{ offerId: string; credentialOffer: string; txCode: string; expiresAt: string }> {
  const made = await api(`/api/permits/${number}/offers`, body);
  expect(made.status).toBe(201);
  return made.body;
}

/** The pre-authorized code of an offer, as a wallet reads it from the credential_offer_uri. */
async function codeOf(credentialOffer: string): Promise<string> {
  const resolved = await wallet.client.resolveCredentialOffer(credentialOffer);
  return resolved.grants![PRE_AUTH]!['pre-authorized_code'] as string;
}

const token = (code: string, txCode: string) => postForm(`${agent.url}/oid4vci/token`, { grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode });

/** A proof of possession over a fresh nonce, made by the library's wallet. */
async function proof(nonce?: string): Promise<{ jwt: string; nonce: string }> {
  const issuerMetadata = await wallet.client.resolveIssuerMetadata(agent.url);
  const cNonce = nonce ?? (await wallet.client.requestNonce({ issuerMetadata })).c_nonce;
  const { jwt } = await wallet.client.createCredentialRequestJwtProof({
    issuerMetadata,
    credentialConfigurationId: PERMIT_CONFIGURATION_ID,
    signer: { method: 'did', didUrl: `${wallet.did}#0`, alg: 'EdDSA' },
    nonce: cNonce,
    issuedAt: agent.clock.now,
  });
  return { jwt, nonce: cNonce };
}

const credential = (accessToken: string, jwt: string) =>
  postJson(`${agent.url}/oid4vci/credential`, { credential_configuration_id: PERMIT_CONFIGURATION_ID, proofs: { jwt: [jwt] } }, { authorization: `Bearer ${accessToken}` });

beforeAll(async () => {
  agent = await oid4vciAgent();
  wallet = await newWallet();
  permits.push(await issue(), await issue());
}, 60_000);
afterAll(async () => agent?.close());

describe('the issuer metadata', () => {
  it('names the permit configuration: jwt_vc_json, the permit credential types, EN/FR/ES names', async () => {
    const metadata = await (await fetch(`${agent.url}/.well-known/openid-credential-issuer`)).json();
    expect(metadata.credential_issuer).toBe(agent.url);
    expect(metadata.nonce_endpoint).toBe(`${agent.url}/oid4vci/nonce`);
    const configuration = metadata.credential_configurations_supported[PERMIT_CONFIGURATION_ID];
    expect(configuration.format).toBe('jwt_vc_json');
    expect(configuration.credential_definition.type).toEqual(['VerifiableCredential', 'CITESPermit']);
    expect(configuration.credential_metadata.display.map((d: { locale: string; name: string }) => [d.locale, d.name])).toEqual([
      ['en', 'CITES permit'],
      ['fr', 'Permis CITES'],
      ['es', 'Permiso CITES'],
    ]);
    const as = await (await fetch(`${agent.url}/.well-known/oauth-authorization-server`)).json();
    expect([as.issuer, as.token_endpoint, as.jwks_uri, as.grant_types_supported]).toEqual([agent.url, `${agent.url}/oid4vci/token`, `${agent.url}/oid4vci/jwks`, [PRE_AUTH]]);
    const jwks = await (await fetch(as.jwks_uri)).json();
    expect(jwks.keys.map((k: { kty: string; crv: string }) => [k.kty, k.crv])).toEqual([['OKP', 'Ed25519']]);
  });
});

describe('the whole flow with the library wallet', () => {
  it('delivers the permit JWT unchanged, and it verifies', async () => {
    const permit = permits[0]!;
    const made = await offer(permit.number);
    expect(made.credentialOffer).toBe(`openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${agent.url}/oid4vci/offers/${made.offerId}`)}`);
    expect(made.txCode).toMatch(/^\d{6}$/);
    expect(made.expiresAt).toBe(new Date(agent.clock.now.getTime() + 15 * 60_000).toISOString());

    const credentialOffer = await wallet.client.resolveCredentialOffer(made.credentialOffer);
    expect(credentialOffer.credential_configuration_ids).toEqual([PERMIT_CONFIGURATION_ID]);
    const issuerMetadata = await wallet.client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const { accessTokenResponse } = await wallet.client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: made.txCode });
    expect(accessTokenResponse.token_type).toBe('Bearer');
    expect(decodeJwt(accessTokenResponse.access_token).sub).toBe(made.offerId);
    const { c_nonce } = await wallet.client.requestNonce({ issuerMetadata });
    const { jwt } = await wallet.client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: PERMIT_CONFIGURATION_ID,
      signer: { method: 'did', didUrl: `${wallet.did}#0`, alg: 'EdDSA' },
      nonce: c_nonce,
      issuedAt: agent.clock.now,
    });
    const retrieved = await wallet.client.retrieveCredentials({ issuerMetadata, accessToken: accessTokenResponse.access_token, credentialConfigurationId: PERMIT_CONFIGURATION_ID, proofs: { jwt: [jwt] } });
    const delivered = (retrieved.credentialResponse.credentials?.[0] as { credential: string } | undefined)?.credential;
    expect(delivered).toBe(permit.jwt);
    // No holder binding: the permit carries no cnf, and its subject is not the wallet's DID.
    const claims = decodeJwt(delivered as string);
    expect(claims.cnf).toBeUndefined();
    expect(claims.sub).not.toBe(wallet.did);

    const verdict = await postJson(`${agent.url}/api/verify`, { credential: delivered });
    expect([verdict.status, verdict.body.verified]).toEqual([200, true]);

    const audit = await agent.saiga.store.reads.audit.page({ permitNumber: permit.number, limit: 100 });
    const entries = audit.filter((e) => e.action.startsWith('oid4vci.')).map((e) => [e.action, e.permitNumber, (JSON.parse(e.detailsJson) as { offerId: string }).offerId]);
    expect(entries).toEqual([
      ['oid4vci.offer', permit.number, made.offerId],
      ['oid4vci.redeem', permit.number, made.offerId],
    ]);
  });
});

describe('refusals', () => {
  it('a wrong tx_code: invalid_grant; after 5 wrong ones even the right code is refused', async () => {
    const made = await offer(permits[0]!.number);
    const code = await codeOf(made.credentialOffer);
    const wrong = made.txCode === '000000' ? '111111' : '000000';
    for (let i = 0; i < MAX_TX_CODE_FAILURES; i++) {
      expect(await token(code, wrong)).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: "Invalid 'tx_code' provided" } });
    }
    expect(await token(code, made.txCode)).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Too many wrong tx_code attempts: the offer is no longer valid' } });
    expect((await fetch(`${agent.url}/oid4vci/offers/${made.offerId}`)).status).toBe(404);
  });

  it('a pre-authorized code used once: the second token request is refused', async () => {
    const made = await offer(permits[0]!.number);
    const code = await codeOf(made.credentialOffer);
    expect((await token(code, made.txCode)).status).toBe(200);
    expect(await token(code, made.txCode)).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: "The 'pre-authorized_code' was used already" } });
  });

  it('an expired offer: invalid_grant', async () => {
    const made = await offer(permits[0]!.number);
    const code = await codeOf(made.credentialOffer);
    const started = agent.clock.now;
    agent.clock.now = new Date(Date.parse(made.expiresAt) + 1000);
    try {
      expect(await token(code, made.txCode)).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: "Expired 'pre-authorized_code' provided" } });
    } finally {
      agent.clock.now = started;
    }
  });

  it('a replayed nonce: invalid_nonce', async () => {
    const made = await offer(permits[0]!.number);
    const access = (await token(await codeOf(made.credentialOffer), made.txCode)).body.access_token as string;
    const first = await proof();
    expect((await credential(access, first.jwt)).status).toBe(200);
    const replay = await credential(access, (await proof(first.nonce)).jwt);
    expect([replay.status, replay.body]).toEqual([400, { error: 'invalid_nonce', error_description: 'The c_nonce is unknown, expired or used already: request a new one.' }]);
  });

  it("offer A's access token delivers permit A only, never permit B", async () => {
    const [a, b] = permits as [{ number: string; jwt: string }, { number: string; jwt: string }];
    const made = await offer(a.number);
    const access = (await token(await codeOf(made.credentialOffer), made.txCode)).body.access_token as string;
    // The request names no permit: the token's offer decides which one comes back.
    const got = await credential(access, (await proof()).jwt);
    expect(got.body.credentials[0].credential).toBe(a.jwt);
    expect(got.body.credentials[0].credential).not.toBe(b.jwt);
    // A token for another audience or forged with another key is refused as a whole.
    const forged = access.slice(0, access.lastIndexOf('.') + 1) + Buffer.alloc(64).toString('base64url');
    const refused = await credential(forged, (await proof()).jwt);
    expect([refused.status, refused.body.error]).toEqual([401, 'invalid_token']);
  });

  it('a revoked permit: credential_request_denied at the credential endpoint, and no new offer', async () => {
    const permit = await issue();
    const made = await offer(permit.number);
    const access = (await token(await codeOf(made.credentialOffer), made.txCode)).body.access_token as string;
    expect((await api(`/api/permits/${permit.number}/revoke`, { reason: 'lost' })).status).toBe(200);
    const refused = await credential(access, (await proof()).jwt);
    expect([refused.status, refused.body]).toEqual([400, { error: 'credential_request_denied', error_description: 'The permit is revoked: it is not issued to a wallet.' }]);
    const again = await api(`/api/permits/${permit.number}/offers`);
    expect([again.status, again.body.error.code]).toEqual([409, 'OID4VCI_PERMIT_NOT_ACTIVE']);
  });

  it('an offer made for a holder link lives with it: redeemed while the link is active, invalid_grant once it is withdrawn', async () => {
    const share = async () => (await api(`/api/permits/${permits[0]!.number}/share`, {})).body.id as string;
    const [kept, withdrawn] = [await share(), await share()];
    const live = await offer(permits[0]!.number, { holderLinkId: kept });
    expect((await token(await codeOf(live.credentialOffer), live.txCode)).status).toBe(200);
    const dead = await offer(permits[0]!.number, { holderLinkId: withdrawn });
    expect((await api(`/api/holder-links/${withdrawn}/revoke`, {})).status).toBe(200);
    const refused = await token(await codeOf(dead.credentialOffer), dead.txCode);
    expect(refused).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'The holder link this offer was made for is no longer active' } });
  });

  it('our own API: an unknown permit (404 OID4VCI_PERMIT_NOT_FOUND), an unknown field (400)', async () => {
    const unknown = await api('/api/permits/LK26-E999999/offers');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'OID4VCI_PERMIT_NOT_FOUND']);
    const extra = await api(`/api/permits/${permits[0]!.number}/offers`, { holder: 'x' });
    expect([extra.status, extra.body.error.code, extra.body.error.path]).toEqual([400, 'BAD_REQUEST', '/holder']);
  });
});
