/**
 * Issue 12 §2, the holder page's wallet offer when the tx_code cannot be e-mailed (in process,
 * real SQLite and HTTP on loopback, a pinned clock): the offer made is retired, so the page shows
 * no QR code nobody could redeem, and says so; the offer ends with its expiry and a new one can
 * then be asked for. A mailer without sendWalletCode: the page says to ask the authority.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example } from '../store/helpers.js';
import { oid4vciAgent, type Oid4vciAgent } from '../oid4vci/helpers.js';
import type { HolderLinkMailer } from '../../src/holder/mailer.js';

let agent: Oid4vciAgent;
let plain: Oid4vciAgent;
const codes: string[] = [];
let failNext = true;
const mailer: HolderLinkMailer = {
  sendHolderLink: async () => undefined,
  sendWalletCode: async ({ txCode }) => {
    if (failNext) {
      failNext = false;
      throw Object.assign(new Error('refused'), { code: 'MAIL_SEND_FAILED' });
    }
    codes.push(txCode);
  },
};

async function sharedLink(on: Oid4vciAgent): Promise<string> {
  const issued = await on.saiga.capabilities.issuance.issue(example('export-lk-orchids.json'), { signatory: 'Anoma Perera' });
  if (!issued.ok) throw new Error(JSON.stringify(issued.errors));
  const shared = await on.saiga.capabilities.holderLinks.share(issued.record.permitNumber, { email: 'trade@kandy-orchids.example.lk', language: 'en' }, { name: 'Kamal Perera' });
  if (!shared.ok) throw new Error(shared.code);
  return shared.url;
}

const post = (url: string) => fetch(`${url}/offer?lang=en`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
const html = async (url: string, query = '?lang=en') => (await fetch(`${url}/${query}`)).text();

beforeAll(async () => {
  agent = await oid4vciAgent(new Date('2026-12-01T12:00:00Z'), { holderLinkMailer: mailer });
  plain = await oid4vciAgent(new Date('2026-12-01T12:00:00Z'), { holderLinkMailer: { sendHolderLink: async () => undefined } });
}, 60_000);

afterAll(async () => {
  await agent?.close();
  await plain?.close();
});

describe('the wallet offer when its code cannot be e-mailed', () => {
  it('retires the offer, the page says so and offers to try again; the next try works', async () => {
    const url = await sharedLink(agent);
    const failed = await post(url);
    expect([failed.status, failed.headers.get('location')]).toEqual([303, './?lang=en&offer=mail-failed']);
    const page = await html(url, '?lang=en&offer=mail-failed');
    expect(page).toContain('The code could not be e-mailed to you just now. Try again later, or ask the issuing authority for a wallet offer.');
    expect(page).not.toContain('openid-credential-offer://');
    expect(page).toContain('Get a wallet offer');
    expect(codes).toEqual([]);
    const again = await post(url);
    expect([again.status, again.headers.get('location')]).toEqual([303, './?lang=en']);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/^[0-9]{6}$/);
    expect(await html(url)).toContain('openid-credential-offer://');
    // After the offer's expiry (15 minutes) it no longer shows.
    agent.clock.now = new Date('2026-12-01T12:16:00Z');
    expect(await html(url)).not.toContain('openid-credential-offer://');
  });

  it('a mailer that cannot send codes: the page says to ask the authority, and no offer is made', async () => {
    const url = await sharedLink(plain);
    expect(await html(url)).toContain('ask the issuing authority for a wallet offer: they will give you a QR code and a 6-digit code.');
    expect((await post(url)).status).toBe(303);
    expect(await html(url)).not.toContain('openid-credential-offer://');
  });
});
