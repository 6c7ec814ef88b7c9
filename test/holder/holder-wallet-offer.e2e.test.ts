/**
 * Issue 12 §2 "The offer", end to end over HTTP: a real `saiga serve` process (dist/) whose
 * agent.yml names a local SMTP sink. The officer shares a permit by e-mail; the trader opens the
 * holder page, asks for a wallet offer (the page's plain form), gets the tx_code in a second,
 * separate message, reads the openid-credential-offer:// link from the page (and the same link
 * from its QR code, decoded with jsQR), and the library's wallet (Openid4vciClient) redeems it
 * for exactly the permit's JWT. A withdrawn link: 410 and invalid_grant. An offer bound to
 * another permit's link: OID4VCI_HOLDER_LINK_OTHER_PERMIT. Rate limits: 429 RATE_LIMITED.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { OID4VCI_CODES } from '../../src/codes.js';
import { PERMIT_CONFIGURATION_ID } from '../../src/oid4vci/metadata.js';
import { HOLDER_RATE_LIMIT_PER_MINUTE, OID4VCI_TOKEN_RATE_LIMIT_PER_MINUTE } from '../../src/http/rate-limit.js';
import { HOLDER_PAGE_CSP } from '../../src/http/routes/holder-page.js';
import { type AuthorityProcess, createToken, editConfig, initAuthority, readExample, runCli, serveAuthority } from '../helpers/agent-process.js';
import { parseMail, startSink, type Sink } from '../mail/smtp-sink.js';
import { newWallet } from '../oid4vci/helpers.js';

type JsQR = typeof jsQRModule.default;
const jsQR: JsQR = (jsQRModule as unknown as { default?: JsQR }).default ?? (jsQRModule as unknown as JsQR);

let sink: Sink;
let lk: AuthorityProcess;
/** A second agent, only for counting requests up to the rate limits. */
let limited: AuthorityProcess;
let customsToken: string;
const TRADER = 'trade@kandy-orchids.example.lk';

async function issue(): Promise<{ permitNumber: string; jwt: string }> {
  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

async function share(permitNumber: string, email?: string): Promise<{ url: string; id: string }> {
  const shared = await lk.api(`/api/permits/${permitNumber}/share`, { token: lk.officerToken, body: { ...(email && { email }), language: 'en' } });
  expect(shared.status, JSON.stringify(shared.body)).toBe(201);
  return { url: shared.body.url as string, id: shared.body.id as string };
}

const page = async (url: string, lang = 'en') => {
  const response = await fetch(`${url}/?lang=${lang}`);
  return { status: response.status, html: await response.text(), headers: response.headers };
};
const offerLinkOf = (html: string) => html.match(/href="(openid-credential-offer:\/\/[^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
const qrOf = (html: string) => html.match(/<img class="wallet-qr" src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/)?.[1];
const postOffer = (url: string, lang = 'en') =>
  fetch(`${url}/offer?lang=${lang}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });

/** The wallet's whole flow: resolve the offer, token with the tx_code, nonce, proof, credential. */
async function redeem(credentialOfferLink: string, txCode: string): Promise<string | undefined> {
  const wallet = await newWallet();
  const credentialOffer = await wallet.client.resolveCredentialOffer(credentialOfferLink);
  const issuerMetadata = await wallet.client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const { accessTokenResponse } = await wallet.client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode });
  const { c_nonce } = await wallet.client.requestNonce({ issuerMetadata });
  const { jwt } = await wallet.client.createCredentialRequestJwtProof({
    issuerMetadata,
    credentialConfigurationId: PERMIT_CONFIGURATION_ID,
    signer: { method: 'did', didUrl: `${wallet.did}#0`, alg: 'EdDSA' },
    nonce: c_nonce,
  });
  const retrieved = await wallet.client.retrieveCredentials({ issuerMetadata, accessToken: accessTokenResponse.access_token, credentialConfigurationId: PERMIT_CONFIGURATION_ID, proofs: { jwt: [jwt] } });
  return (retrieved.credentialResponse.credentials?.[0] as { credential: string } | undefined)?.credential;
}

/** The token request as a wallet sends it, without the library (to see the OAuth error itself). */
async function tokenRequest(agentUrl: string, credentialOfferLink: string, txCode: string) {
  const offerUri = new URL(credentialOfferLink.replace('openid-credential-offer://', 'https://x/')).searchParams.get('credential_offer_uri')!;
  const offer = (await (await fetch(offerUri)).json()) as { grants: Record<string, { 'pre-authorized_code': string }> };
  const code = offer.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code']!['pre-authorized_code'];
  const response = await fetch(`${agentUrl}/oid4vci/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', 'pre-authorized_code': code, tx_code: txCode }).toString(),
  });
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

beforeAll(async () => {
  sink = await startSink({ authOptional: true });
  const [lkInit, limitedInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
  ]);
  editConfig(lkInit.config, (saiga) => (saiga.smtp = { host: '127.0.0.1', port: sink.port, from: { address: 'permits@dwc.gov.lk', name: 'Department of Wildlife Conservation' } }));
  [lk, limited] = await Promise.all([serveAuthority(lkInit), serveAuthority(limitedInit)]);
  customsToken = await createToken(lk.config, 'customs', 'Nimal Silva');
}, 90_000);

afterAll(async () => {
  await Promise.all([lk?.stop(), limited?.stop()]);
  await sink?.close();
});

describe('the holder page offers the permit to a wallet', () => {
  it('share by e-mail → page → ask for an offer → the tx_code in a second mail → the wallet holds exactly the permit', async () => {
    const { permitNumber, jwt } = await issue();
    const before = sink.received.length;
    const link = await share(permitNumber, TRADER);
    expect(sink.received.length).toBe(before + 1);

    const first = await page(link.url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toBe(HOLDER_PAGE_CSP);
    expect(HOLDER_PAGE_CSP).toContain("form-action 'self'");
    expect(first.html).toContain('<h2 id="wallet-heading">Add to a wallet</h2>');
    expect(first.html).toContain('<form method="post" action="offer?lang=en"><button class="button" type="submit">Get a wallet offer</button></form>');
    expect(offerLinkOf(first.html)).toBeUndefined();

    const posted = await postOffer(link.url, 'fr');
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('./?lang=fr');
    expect(posted.headers.get('cache-control')).toBe('no-store');

    // The second message: the code alone, to the link's address, in the page's language.
    expect(sink.received.length).toBe(before + 2);
    const received = sink.received[before + 1]!;
    expect(received.rcptTo).toEqual([TRADER]);
    const mail = parseMail(received.raw);
    expect(mail.headers.get('subject')).toBe(`Permis CITES ${permitNumber} : votre code pour le portefeuille`);
    const txCode = mail.text.match(/^([0-9]{6})$/m)![1]!;
    expect(mail.text).not.toContain('/holder/');
    expect(mail.text).not.toContain('openid-credential-offer');

    const shown = await page(link.url, 'fr');
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('<h2 id="wallet-heading">Ajouter à un portefeuille</h2>');
    expect(shown.html).not.toContain(txCode);
    expect(shown.html).not.toContain('<form');
    const offerLink = offerLinkOf(shown.html)!;
    expect(offerLink).toMatch(new RegExp(`^openid-credential-offer://\\?credential_offer_uri=${encodeURIComponent(`${lk.url}/oid4vci/offers/`)}[0-9a-f-]{36}$`));
    // The QR code on the page is the same link.
    const png = PNG.sync.read(Buffer.from(qrOf(shown.html)!, 'base64'));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(offerLink);
    // A second request while the offer is live makes no second offer and sends no second code.
    expect((await postOffer(link.url)).status).toBe(303);
    expect(sink.received.length).toBe(before + 2);
    expect(offerLinkOf((await page(link.url)).html)).toBe(offerLink);

    expect(await redeem(offerLink, txCode)).toBe(jwt);
    // Redeemed: the page no longer shows it, and offers a new one.
    const after = await page(link.url);
    expect(offerLinkOf(after.html)).toBeUndefined();
    expect(after.html).toContain('Get a wallet offer');
  });

  it('a link without an e-mail address: the page says to ask the authority, and asking makes no offer', async () => {
    const { permitNumber } = await issue();
    const link = await share(permitNumber);
    const before = sink.received.length;
    const shown = await page(link.url, 'es');
    expect(shown.html).toContain('<p>Para añadir este permiso a una billetera digital, pida una oferta a la Autoridad Administrativa que lo expidió: le dará un código QR y un código de 6 dígitos.</p>');
    expect(shown.html).not.toContain('<form');
    const posted = await postOffer(link.url, 'es');
    expect([posted.status, posted.headers.get('location')]).toEqual([303, './?lang=es']);
    expect(offerLinkOf((await page(link.url)).html)).toBeUndefined();
    expect(sink.received.length).toBe(before);
  });

  it('a withdrawn link: the page is 410, its live offer is refused (invalid_grant), and no new offer is made', async () => {
    const { permitNumber } = await issue();
    const link = await share(permitNumber, TRADER);
    expect((await postOffer(link.url)).status).toBe(303);
    const txCode = parseMail(sink.received.at(-1)!.raw).text.match(/^([0-9]{6})$/m)![1]!;
    const offerLink = offerLinkOf((await page(link.url)).html)!;
    expect(offerLink).toBeDefined();
    const revoked = await lk.api(`/api/holder-links/${link.id}/revoke`, { token: lk.officerToken, body: {} });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect((await page(link.url)).status).toBe(410);
    const count = sink.received.length;
    expect((await postOffer(link.url)).status).toBe(410);
    expect(sink.received.length).toBe(count);
    const token = await tokenRequest(lk.url, offerLink, txCode);
    expect([token.status, token.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('the officer cannot bind an offer to another permit\'s link, an unknown link or a withdrawn one', async () => {
    const [a, b] = [await issue(), await issue()];
    const linkOfB = await share(b.permitNumber);
    const offer = (holderLinkId: string) => lk.api(`/api/permits/${a.permitNumber}/offers`, { token: lk.officerToken, body: { holderLinkId } });
    const other = await offer(linkOfB.id);
    expect([other.status, other.body.error]).toEqual([422, { code: 'OID4VCI_HOLDER_LINK_OTHER_PERMIT', message: OID4VCI_CODES.OID4VCI_HOLDER_LINK_OTHER_PERMIT, path: '/holderLinkId' }]);
    const unknown = await offer('00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.body.error]).toEqual([422, { code: 'OID4VCI_HOLDER_LINK_NOT_FOUND', message: OID4VCI_CODES.OID4VCI_HOLDER_LINK_NOT_FOUND, path: '/holderLinkId' }]);
    const linkOfA = await share(a.permitNumber);
    expect((await lk.api(`/api/holder-links/${linkOfA.id}/revoke`, { token: lk.officerToken, body: {} })).status).toBe(200);
    const dead = await offer(linkOfA.id);
    expect([dead.status, dead.body.error]).toEqual([422, { code: 'OID4VCI_HOLDER_LINK_INACTIVE', message: OID4VCI_CODES.OID4VCI_HOLDER_LINK_INACTIVE, path: '/holderLinkId' }]);
    // A link of the same permit, active: the offer is made and shows on that link's page.
    const linkOfB2 = await share(b.permitNumber);
    const made = await lk.api(`/api/permits/${b.permitNumber}/offers`, { token: lk.officerToken, body: { holderLinkId: linkOfB2.id } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(offerLinkOf((await page(linkOfB2.url)).html)).toBe(made.body.credentialOffer);
    expect(offerLinkOf((await page(linkOfB.url)).html)).toBeUndefined();
  });

  it('saiga permit offer --holder-link: bound to the link (its page shows it), refused for another permit\'s link', async () => {
    const [a, b] = [await issue(), await issue()];
    const linkOfA = await share(a.permitNumber);
    const cli = await runCli(['permit', 'offer', a.permitNumber, '--holder-link', linkOfA.id, '--config', lk.config, '--officer', 'Anoma Perera', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const made = JSON.parse(cli.stdout) as { credentialOffer: string; txCode: string };
    expect(offerLinkOf((await page(linkOfA.url)).html)).toBe(made.credentialOffer);
    const refused = await runCli(['permit', 'offer', b.permitNumber, '--holder-link', linkOfA.id, '--config', lk.config, '--officer', 'Anoma Perera', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({ error: { code: 'OID4VCI_HOLDER_LINK_OTHER_PERMIT', message: OID4VCI_CODES.OID4VCI_HOLDER_LINK_OTHER_PERMIT } });
  });

  it('box 14: once customs endorsed the permit, the page shows the quantity exported, the port, the date and the officer', async () => {
    const { permitNumber } = await issue();
    const link = await share(permitNumber);
    expect((await page(link.url)).html).not.toContain('<span class="no">14</span>');
    const date = new Date().toISOString().slice(0, 10);
    const endorsed = await lk.api(`/api/permits/${permitNumber}/endorsements`, { token: customsToken, body: { blocks: [{ block: 'A', quantity: 1150 }], portOfExport: 'LKCMB', date, transportDocument: '176-12345675' } });
    expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
    const html = (await page(link.url)).html;
    expect(html).toContain(
      `<div class="box"><dt><span class="no">14</span> Export endorsement – Recorded electronically by customs</dt><dd><span class="line">Quantity: 1150 NAR</span><span class="line">Port of export: LKCMB</span><span class="line">Date: ${date}</span><span class="line">Customs officer: ${endorsed.body.endorsement.officer}</span></dd></div>`,
    );
    expect(html).toContain('<span class="no">15</span> Bill of Lading / Air waybill number</dt><dd><span class="line">176-12345675</span>');
  });

  it('CORS: a preflight for the credential endpoint allows Authorization', async () => {
    const response = await fetch(`${lk.url}/oid4vci/credential`, { method: 'OPTIONS', headers: { origin: 'https://wallet.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('Accept, Authorization, Content-Type, If-None-Match');
  });
});

describe('rate limits per client address', () => {
  it(`/holder/*: ${HOLDER_RATE_LIMIT_PER_MINUTE} requests a minute, then 429 with Retry-After: RATE_LIMITED to a program, a page to a browser`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < HOLDER_RATE_LIMIT_PER_MINUTE; i++) statuses.push((await fetch(`${limited.url}/holder/${'A'.repeat(43)}/`)).status);
    expect(new Set(statuses)).toEqual(new Set([404]));
    const refused = await fetch(`${limited.url}/holder/${'A'.repeat(43)}/`, { headers: { accept: 'application/json' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    // A phone's browser gets a page in the trader's language, with the holder pages' headers.
    const page = await fetch(`${limited.url}/holder/${'A'.repeat(43)}/`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(HOLDER_PAGE_CSP);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<h1>Trop de demandes</h1>');
    expect(html).toContain('Attendez une minute, puis rechargez-la.');
  });

  it(`/oid4vci/token: ${OID4VCI_TOKEN_RATE_LIMIT_PER_MINUTE} requests a minute, then 429 RATE_LIMITED with Retry-After`, async () => {
    const send = () => fetch(`${limited.url}/oid4vci/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Apre-authorized_code&pre-authorized_code=nope&tx_code=000000' });
    const statuses: number[] = [];
    for (let i = 0; i < OID4VCI_TOKEN_RATE_LIMIT_PER_MINUTE; i++) statuses.push((await send()).status);
    expect(new Set(statuses)).toEqual(new Set([400]));
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });
});
