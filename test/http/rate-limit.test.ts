/**
 * The public verify endpoint is rate-limited per client, with the configured budget.
 */
import { describe, expect, it } from 'vitest';
import { editConfig, initAuthority, serveAuthority } from '../helpers/agent-process.js';

describe('POST /api/verify rate limit', () => {
  it('answers 429 RATE_LIMITED once the per-minute budget is spent', async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
    editConfig(init.config, (saiga) => {
      saiga.verify.rateLimitPerMinute = 3;
    });
    const agent = await serveAuthority(init);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await agent.api('/api/verify', { body: { credential: 'x.y.z' } })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await agent.api('/api/verify', { body: { credential: 'x.y.z' } });
      expect(limited.body).toEqual({ error: { code: 'RATE_LIMITED', message: 'Too many requests; try again shortly.' } });
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      // Other routes are not counted against it.
      expect((await agent.api('/schemas/cites-permit/v1.json')).status).toBe(200);
    } finally {
      await agent.stop();
    }
  });
});
