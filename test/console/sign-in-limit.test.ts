/**
 * Issue 11 §1 / OWASP ASVS 4.0 §2.2.1: POST /api/session refuses a network address after 20
 * refused sign-ins within 15 minutes (agent.yml saiga.console.signInAttemptsPerIp), with
 * 429 CONSOLE_SIGN_IN_RATE_LIMITED and Retry-After; successful sign-ins do not count.
 * Real agent on loopback; the count is asserted, never a duration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CODES } from '../../src/codes.js';
import { inProcessAgent, type InProcessAgent } from '../store/helpers.js';

let a: InProcessAgent;
const PASSWORD = 'orchid-export-2026';
beforeAll(async () => {
  a = await inProcessAgent(new Date('2026-12-02T09:00:00.000Z'));
  // Failures spread over four accounts (5 each): the account lockout answers the same 401, so the address limit is what makes the 429.
  for (let i = 0; i < 5; i++) {
    const created = await a.api('/api/users', { token: a.adminToken, body: { username: `officer${i}`, displayName: `Officer ${i}`, role: 'officer', password: PASSWORD } });
    expect(created.status).toBe(201);
  }
}, 60_000);
afterAll(async () => a?.close());

const signIn = (username: string, password: string) =>
  fetch(`${a.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('the per-address sign-in limit', () => {
  it('answers the 21st refused attempt with 429 and Retry-After; successes do not count', async () => {
    // Successful sign-ins between the failures: they are not counted.
    for (let i = 0; i < 3; i++) expect((await signIn('officer0', PASSWORD)).status).toBe(201);
    for (let i = 0; i < 20; i++) {
      const refused = await signIn(`officer${(i % 4) + 1}`, `wrong-${i}`);
      expect(refused.status, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await signIn('officer0', PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    expect(await limited.json()).toEqual({ error: { code: 'CONSOLE_SIGN_IN_RATE_LIMITED', message: API_CODES.CONSOLE_SIGN_IN_RATE_LIMITED } });
    // Other routes are not limited by it.
    expect((await a.api('/api/dashboard', { token: a.officerToken })).status).toBe(200);
  }, 60_000);
});
