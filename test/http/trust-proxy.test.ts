/**
 * saiga.server.trustProxy: behind a reverse proxy the rate limit of /api/verify keys on
 * the client the proxy reports in X-Forwarded-For; without the setting the header is
 * ignored, so a forged one cannot dodge the limit. Real agent processes on loopback, where
 * the test itself plays the proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editConfig, initAuthority, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { parseSaigaSection } from '../../src/agent/config/config.js';

const LIMIT = 2;
let behindProxy: AuthorityProcess;
let direct: AuthorityProcess;

async function start(trustProxy: unknown): Promise<AuthorityProcess> {
  const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
  editConfig(init.config, (saiga) => {
    saiga.verify = { ...saiga.verify, rateLimitPerMinute: LIMIT };
    if (trustProxy !== undefined) saiga.server = { ...saiga.server, trustProxy };
  });
  return serveAuthority(init);
}

beforeAll(async () => {
  [behindProxy, direct] = await Promise.all([start('loopback'), start(undefined)]);
});

afterAll(async () => {
  await Promise.all([behindProxy?.stop(), direct?.stop()]);
});

const verifyAs = async (agent: AuthorityProcess, client?: string) => {
  const response = await fetch(`${agent.url}/api/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(client && { 'x-forwarded-for': client }) },
    body: JSON.stringify({ credential: 'x.y.z' }),
  });
  return { status: response.status, cacheControl: response.headers.get('cache-control'), nosniff: response.headers.get('x-content-type-options') };
};

describe('rate limit behind a reverse proxy', () => {
  it('with trustProxy: loopback, each client the proxy names has its own budget', async () => {
    const a = [await verifyAs(behindProxy, '203.0.113.1'), await verifyAs(behindProxy, '203.0.113.1'), await verifyAs(behindProxy, '203.0.113.1')];
    expect(a.map((r) => r.status)).toEqual([200, 200, 429]);
    // The 429 is an /api answer like any other: not stored by any cache.
    expect(a[2]).toEqual({ status: 429, cacheControl: 'no-store', nosniff: 'nosniff' });
    expect((await verifyAs(behindProxy, '203.0.113.2')).status).toBe(200);
  });

  it('without trustProxy, X-Forwarded-For is ignored: one budget for the address the agent sees', async () => {
    const statuses = [];
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3', undefined]) statuses.push((await verifyAs(direct, client)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
  });
});

describe('saiga.server.trustProxy in agent.yml', () => {
  const section = (trustProxy: unknown) => ({
    authority: { country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla' },
    url: 'https://cites.dwc.gov.lk',
    didMethod: 'web',
    server: { port: 8080, ...(trustProxy !== undefined && { trustProxy }) },
  });
  const parsed = (trustProxy: unknown) => parseSaigaSection(section(trustProxy)).server;
  const refusal = (trustProxy: unknown) => {
    try {
      parseSaigaSection(section(trustProxy));
      return 'accepted';
    } catch (error) {
      return (error as Error).message;
    }
  };
  const HINT =
    'must be false, the number of proxies in front of the agent (1 to 10), or their addresses or subnets (e.g. loopback or 10.0.0.0/8); true is refused, since any client could then choose its own address (at /saiga/server/trustProxy)';

  it('defaults to false and accepts a hop count, a name, an address or a list of subnets', () => {
    expect(parsed(undefined)).toEqual({ host: '127.0.0.1', port: 8080, trustProxy: false });
    expect(parsed(false).trustProxy).toBe(false);
    expect(parsed(1).trustProxy).toBe(1);
    expect(parsed('loopback').trustProxy).toEqual(['loopback']);
    expect(parsed(['10.0.0.0/8', 'fd00::/8', '192.0.2.7']).trustProxy).toEqual(['10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
  });

  it('refuses true, zero, a text that is no address and an impossible prefix, with the path', () => {
    expect(refusal(true)).toBe(HINT);
    expect(refusal(0)).toBe(HINT);
    expect(refusal('everyone')).toBe(HINT);
    expect(refusal(['10.0.0.0/8', '10.0.0.0/33'])).toBe('"10.0.0.0/33" is not an IP address, a subnet (address/prefix) or one of loopback, linklocal, uniquelocal (at /saiga/server/trustProxy/1)');
    expect(refusal('999.1.1.1')).toBe('"999.1.1.1" is not an IP address, a subnet (address/prefix) or one of loopback, linklocal, uniquelocal (at /saiga/server/trustProxy)');
  });
});
