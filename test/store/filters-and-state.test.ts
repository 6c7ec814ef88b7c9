/**
 * Defect 9: issuedFrom/issuedTo are instants, whatever offset they are written with.
 * Defect 17: every listed permit carries the state the verifier would report, and the
 * list can be filtered by it. Time is pinned; the permits are real, on a real SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { filterInstant } from '../../src/store/permit-filter.js';
import { example, inProcessAgent, type InProcessAgent } from './helpers.js';

let agent: InProcessAgent | undefined;
afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

const numbers = (body: { items: { permitNumber: string }[] }) => body.items.map((p) => p.permitNumber);

describe('date filters compare instants', () => {
  it('2026-12-01T21:00:00+02:00 finds what 2026-12-01T19:00:00Z finds', async () => {
    agent = await inProcessAgent(new Date('2026-12-01T18:00:00Z'));
    const a = agent;
    for (const at of ['2026-12-01T18:00:00Z', '2026-12-01T19:00:00Z', '2026-12-01T20:00:00Z']) {
      a.clock.now = new Date(at);
      expect((await a.api('/api/permits', { token: a.officerToken, body: example('export-lk-orchids.json') })).status).toBe(201);
    }
    const from = async (query: string) => {
      const answer = await a.api(`/api/permits?${query}`, { token: a.officerToken });
      expect(answer.status, query).toBe(200);
      return numbers(answer.body);
    };
    const fromSeven = ['LK26-E000003', 'LK26-E000002'];
    expect(await from('issuedFrom=2026-12-01T19:00:00Z')).toEqual(fromSeven);
    expect(await from('issuedFrom=2026-12-01T21:00:00%2B02:00')).toEqual(fromSeven);
    // The issue's example as typed: an unencoded "+" arrives as a space.
    expect(await from('issuedFrom=2026-12-01T21:00:00+02:00')).toEqual(fromSeven);
    expect(await from('issuedFrom=2026-12-01T14:00:00-05:00')).toEqual(fromSeven);
    expect(await from('issuedFrom=2026-12-01T19:00:00.000z')).toEqual(fromSeven);
    expect(await from('issuedTo=2026-12-01T21:00:00%2B02:00')).toEqual(['LK26-E000001']);
    expect(await from('issuedFrom=2026-12-01&issuedTo=2026-12-02')).toEqual(['LK26-E000003', 'LK26-E000002', 'LK26-E000001']);
    expect(await from('issuedFrom=2026-12-02')).toEqual([]);
  }, 60_000);

  it('an invalid date is a 400 that names the parameter', async () => {
    agent = await inProcessAgent();
    const a = agent;
    for (const [query, path] of [
      ['issuedFrom=yesterday', '/issuedFrom'],
      ['issuedFrom=2026-02-30', '/issuedFrom'],
      ['issuedTo=2026-12-01T25:00:00Z', '/issuedTo'],
      ['issuedTo=2026-12-01T21:00:00', '/issuedTo'],
      ['issuedFrom=2026-12-01T21:00:00%2B24:00', '/issuedFrom'],
      ['state=lost', '/state'],
    ] as const) {
      const answer = await a.api(`/api/permits?${query}`, { token: a.officerToken });
      expect([answer.status, answer.body.error.code, answer.body.error.path], query).toEqual([400, 'BAD_REQUEST', path]);
    }
  }, 60_000);

  it('filterInstant turns each accepted form into the stored UTC form', () => {
    expect(filterInstant('2026-12-01T21:00:00+02:00')).toBe('2026-12-01T19:00:00.000Z');
    expect(filterInstant('2026-12-01T21:00:00 02:00')).toBe('2026-12-01T19:00:00.000Z');
    expect(filterInstant('2026-12-01t19:00:00.5Z')).toBe('2026-12-01T19:00:00.500Z');
    expect(filterInstant('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
    expect(filterInstant('2026-12-01T19:00Z')).toBeUndefined();
  });
});

describe('permit state in the list', () => {
  it('shows valid, used, revoked, suspended and expired, and filters by each', async () => {
    agent = await inProcessAgent(new Date('2026-12-01T12:00:00Z'));
    const a = agent;
    const issue = async (validUntil?: string) => {
      const request = { ...example('export-lk-orchids.json'), ...(validUntil !== undefined && { validUntil }) };
      const answer = await a.api('/api/permits', { token: a.officerToken, body: request });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body.permitNumber as string;
    };
    const valid = await issue();
    const revoked = await issue();
    const suspended = await issue();
    const used = await issue();
    const expired = await issue('2026-12-05');
    expect((await a.api(`/api/permits/${revoked}/revoke`, { token: a.officerToken, body: { reason: 'lost' } })).status).toBe(200);
    expect((await a.api(`/api/permits/${suspended}/suspend`, { token: a.officerToken, body: { reason: 'inquiry' } })).status).toBe(200);
    const endorsement = { blocks: [{ block: 'A', quantity: 1 }], portOfExport: 'LKCMB', date: '2026-12-01', transportDocument: 'AWB 176-12345675' };
    const endorsed = await a.api(`/api/permits/${used}/endorsements`, { token: a.customsToken, body: endorsement });
    expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
    a.clock.now = new Date('2026-12-06T00:00:00Z');

    const all = await a.api('/api/permits', { token: a.officerToken });
    expect(all.body.items.map((p: { permitNumber: string; state: string }) => [p.permitNumber, p.state])).toEqual([
      [expired, 'expired'],
      [used, 'used'],
      [suspended, 'suspended'],
      [revoked, 'revoked'],
      [valid, 'valid'],
    ]);
    for (const [state, number] of [['valid', valid], ['used', used], ['revoked', revoked], ['suspended', suspended], ['expired', expired]]) {
      const answer = await a.api(`/api/permits?state=${state}`, { token: a.officerToken });
      expect([answer.body.total, numbers(answer.body)], state).toEqual([1, [number]]);
    }
    expect((await a.api(`/api/permits/${used}`, { token: a.officerToken })).body.state).toBe('used');
    // A revoked permit stays revoked when it also expires: the verifier's order.
    a.clock.now = new Date('2027-12-01T00:00:00Z');
    expect((await a.api(`/api/permits?state=expired`, { token: a.officerToken })).body.total).toBe(3);
    expect(numbers((await a.api(`/api/permits?state=revoked`, { token: a.officerToken })).body)).toEqual([revoked]);
  }, 60_000);
});
