/**
 * Issue 11 §2 "Search and lists": the number (prefix) and trader (contains, without case)
 * filters of GET /api/permits, and GET /api/permits.csv with the same search: exact bytes,
 * RFC 4180 quoting, and no formula a spreadsheet would run. Real agent, pinned clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/store/permit-csv.js';
import { example, inProcessAgent, type InProcessAgent } from '../store/helpers.js';

let a: InProcessAgent;
const numbers = (body: { items: { permitNumber: string }[] }) => body.items.map((p) => p.permitNumber);

async function issue(exporter: string, importer: string, at: string): Promise<string> {
  a.clock.now = new Date(at);
  const request = example('export-lk-orchids.json');
  request.exporter = { ...request.exporter, name: exporter };
  request.importer = { ...request.importer, name: importer };
  request.validUntil = '2027-05-31';
  const answer = await a.api('/api/permits', { token: a.officerToken, body: request });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.permitNumber as string;
}

async function csv(query: string, token = a.officerToken): Promise<{ status: number; type: string | null; disposition: string | null; text: string }> {
  const response = await fetch(`${a.url}/api/permits.csv${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
}

beforeAll(async () => {
  a = await inProcessAgent(new Date('2026-12-01T08:00:00Z'));
  await issue('Kandy Orchid Nurseries (Pvt) Ltd', 'Gartenbau Meier AG', '2026-12-01T08:00:00.000Z');
  await issue('=HYPERLINK("http://evil.example","x")', 'Müller, "Garten" AG', '2026-12-01T09:00:00.000Z');
  await issue('@SUM(A1)', '-Orchid 100% Imports_Ltd', '2026-12-01T10:00:00.000Z');
}, 60_000);
afterAll(async () => a?.close());

const HEADER = 'permitNumber,documentType,state,exporter,exporterCountry,importer,importerCountry,species,issuedAt,validUntil\r\n';

describe('number and trader filters', () => {
  it('number matches the start of the permit number, without case', async () => {
    expect(numbers((await a.api('/api/permits?number=LK26-E', { token: a.officerToken })).body)).toEqual(['LK26-E000003', 'LK26-E000002', 'LK26-E000001']);
    expect(numbers((await a.api('/api/permits?number=lk26-e000002', { token: a.officerToken })).body)).toEqual(['LK26-E000002']);
    expect(numbers((await a.api('/api/permits?number=E000002', { token: a.officerToken })).body)).toEqual([]);
  });

  it("trader finds part of the exporter's or the importer's name, without case; % and _ are plain characters", async () => {
    expect(numbers((await a.api('/api/permits?trader=garten', { token: a.officerToken })).body)).toEqual(['LK26-E000002', 'LK26-E000001']);
    expect(numbers((await a.api('/api/permits?trader=KANDY', { token: a.officerToken })).body)).toEqual(['LK26-E000001']);
    expect(numbers((await a.api('/api/permits?trader=100%25%20imports_', { token: a.officerToken })).body)).toEqual(['LK26-E000003']);
    expect(numbers((await a.api('/api/permits?trader=%25', { token: a.officerToken })).body)).toEqual(['LK26-E000003']);
    expect(numbers((await a.api('/api/permits?trader=garten&number=LK26-E000001', { token: a.officerToken })).body)).toEqual(['LK26-E000001']);
  });

  it('a malformed number or trader is a 400 that names it', async () => {
    for (const [query, path] of [
      ['number=LK%2026', '/number'],
      [`number=${'A'.repeat(65)}`, '/number'],
      ['trader=%20%20', '/trader'],
      [`trader=${'a'.repeat(201)}`, '/trader'],
      ['number=A&number=B', '/number'],
    ] as const) {
      const answer = await a.api(`/api/permits?${query}`, { token: a.officerToken });
      expect([answer.status, answer.body.error.code, answer.body.error.path], query).toEqual([400, 'BAD_REQUEST', path]);
    }
  });
});

describe('GET /api/permits.csv', () => {
  it('writes every match as RFC 4180 CSV, formulas made inert', async () => {
    const answer = await csv('');
    expect([answer.status, answer.type, answer.disposition]).toEqual([200, 'text/csv; charset=utf-8', 'attachment; filename="permits.csv"']);
    expect(answer.text).toBe(
      HEADER +
        `LK26-E000003,export,valid,'@SUM(A1),LK,'-Orchid 100% Imports_Ltd,CH,Phalaenopsis amabilis,2026-12-01T10:00:00.000Z,2027-05-31\r\n` +
        `LK26-E000002,export,valid,"'=HYPERLINK(""http://evil.example"",""x"")",LK,"Müller, ""Garten"" AG",CH,Phalaenopsis amabilis,2026-12-01T09:00:00.000Z,2027-05-31\r\n` +
        `LK26-E000001,export,valid,Kandy Orchid Nurseries (Pvt) Ltd,LK,Gartenbau Meier AG,CH,Phalaenopsis amabilis,2026-12-01T08:00:00.000Z,2027-05-31\r\n`,
    );
  });

  it('takes the same search, paging only when limit is given', async () => {
    expect((await csv('?trader=kandy')).text).toBe(
      HEADER + 'LK26-E000001,export,valid,Kandy Orchid Nurseries (Pvt) Ltd,LK,Gartenbau Meier AG,CH,Phalaenopsis amabilis,2026-12-01T08:00:00.000Z,2027-05-31\r\n',
    );
    expect((await csv('?limit=1&offset=2')).text.split('\r\n').map((line) => line.split(',')[0])).toEqual(['permitNumber', 'LK26-E000001', '']);
    expect((await csv('?state=revoked')).text).toBe(HEADER);
    // Customs and admins read the list, so they read its export too.
    expect((await csv('?number=LK26-E000001', a.customsToken)).status).toBe(200);
  });

  it('refuses a malformed search with the JSON error, and a caller without a token', async () => {
    const bad = await fetch(`${a.url}/api/permits.csv?sort=number`, { headers: { authorization: `Bearer ${a.officerToken}` } });
    expect([bad.status, ((await bad.json()) as { error: { code: string; path: string } }).error]).toMatchObject([400, { code: 'BAD_REQUEST', path: '/sort' }]);
    expect((await fetch(`${a.url}/api/permits.csv`)).status).toBe(401);
  });

  it('csvCell: quotes what RFC 4180 needs and prefixes formula starts', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', '=1+2', '+1', '-1', '@x', '\tx', '\rx', "'ok", ''].map(csvCell)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      "'=1+2",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      `"'\rx"`,
      "'ok",
      '',
    ]);
  });
});
