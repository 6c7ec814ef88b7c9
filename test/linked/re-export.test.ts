/**
 * A re-export certificate against the permit of box 12 under which its specimens came in
 * (Art. III(4)(b), IV(5)(a)), with real agents: LK exports 1,200 orchids to CH; CH holds
 * that export as the exchange will deliver it (relation 'import') and re-exports to NO.
 * Same species, and no more than came in, less what CH already re-exported under it: what
 * CH customs confirmed at import when it did, else what LK customs endorsed, else what was
 * permitted (src/issuance/origin-permit-check.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { type AuthorityProcess, createToken, initAuthority, readExample, serveAuthority, setPeers } from '../helpers/agent-process.js';
import { confirmImport, holdPermit } from './hold.js';

let lk: AuthorityProcess;
let ch: AuthorityProcess;

beforeAll(async () => {
  const [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
  ]);
  setPeers(lkInit.config, [{ did: chInit.did, country: 'CH', name: 'Federal Food Safety and Veterinary Office' }]);
  // CH trusts LK's customs too, so that LK's endorsements reach it through the exchange (export-endorsed).
  setPeers(chInit.config, [
    { did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' },
    { did: lkInit.customsDid, country: 'LK', name: 'Sri Lanka Customs', role: 'customs' },
  ]);
  [lk, ch] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit)]);
});

afterAll(async () => {
  await Promise.all([lk?.stop(), ch?.stop()]);
});

async function issueAt(authority: AuthorityProcess, request: unknown): Promise<{ permitNumber: string; jwt: string }> {
  const issued = await authority.api('/api/permits', { token: authority.officerToken, body: request });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

/** LK's orchid export (1,200 NAR of Phalaenopsis amabilis), received by CH. */
async function orchidsImported(): Promise<{ permitNumber: string; jwt: string }> {
  const permit = await issueAt(lk, readExample('export-lk-orchids.json'));
  await holdPermit(ch.dir, permit.jwt, 'import');
  return permit;
}

/** Waits until CH holds LK's permit with its endorsement, as the exchange delivers them (fails after 60 s). */
async function endorsementHeld(permitNumber: string): Promise<void> {
  const db = await SqliteDatabase.openReadOnly(join(ch.dir, 'data', 'agent.sqlite'));
  try {
    for (let i = 0; i < 240; i++) {
      if (await db.get('SELECT 1 FROM incoming_permit WHERE permit_number = ? AND endorsement_json IS NOT NULL', [permitNumber])) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`CH never received the endorsement of ${permitNumber}`);
  } finally {
    await db.close();
  }
}

function reExport(origin: { permitNumber: string }, quantity: number, edit?: (s: Record<string, any>) => void): Record<string, unknown> {
  const specimen: Record<string, any> = {
    scientificName: 'Phalaenopsis amabilis',
    commonName: 'Moth orchid',
    description: 'Artificially propagated flowering plants in pots',
    term: 'LIV',
    appendix: 'II',
    source: 'A',
    quantity,
    unit: 'NAR',
    origin: { country: 'LK', permitNumber: origin.permitNumber, date: new Date().toISOString().slice(0, 10) },
  };
  edit?.(specimen);
  return {
    documentType: 're-export',
    importer: { name: 'Hagesenter Nord AS', address: 'Strandveien 40, 7042 Trondheim', country: 'NO' },
    exporter: { name: 'Gartenbau Meier AG', address: 'Seestrasse 201, 8800 Thalwil', country: 'CH' },
    purpose: 'T',
    specimens: [specimen],
  };
}

async function refusal(request: unknown): Promise<[string, string][]> {
  const refused = await ch.api('/api/permits', { token: ch.officerToken, body: request });
  expect(refused.status, JSON.stringify(refused.body)).toBe(422);
  return refused.body.error.errors.map((e: { code: string; path: string }) => [e.code, e.path]);
}

describe('a re-export against the permit its specimens came in under (box 12)', () => {
  it('issues within what was permitted, then refuses more than is left, with its own code', async () => {
    const origin = await orchidsImported();
    await issueAt(ch, reExport(origin, 1000));
    expect(await refusal(reExport(origin, 201))).toEqual([['ORIGIN_PERMIT_QUANTITY_EXCEEDED', '/specimens/0/quantity']]);
    const last = await issueAt(ch, reExport(origin, 200));
    expect(last.permitNumber).toMatch(/^CH/);
    expect(await refusal(reExport(origin, 1))).toEqual([['ORIGIN_PERMIT_QUANTITY_EXCEEDED', '/specimens/0/quantity']]);
  });

  it('refuses another species, and another unit', async () => {
    const origin = await orchidsImported();
    expect(await refusal(reExport(origin, 10, (s) => (s.scientificName = 'Phalaenopsis gigantea')))).toEqual([['ORIGIN_PERMIT_SPECIES_MISMATCH', '/specimens/0/scientificName']]);
    expect(await refusal(reExport(origin, 10, (s) => (s.unit = 'KGM')))).toEqual([['ORIGIN_PERMIT_UNIT_MISMATCH', '/specimens/0/unit']]);
  });

  it('counts what CH customs confirmed at import rather than what was permitted', async () => {
    const origin = await orchidsImported();
    await confirmImport(ch.dir, origin.jwt, [{ block: 'A', quantity: 1100 }]);
    const refused = await ch.api('/api/permits', { token: ch.officerToken, body: reExport(origin, 1101) });
    expect(refused.body.error.errors.map((e: { code: string }) => e.code)).toEqual(['ORIGIN_PERMIT_QUANTITY_EXCEEDED']);
    expect(refused.body.error.errors[0].message).toContain('1100 NAR confirmed at import');
    await issueAt(ch, reExport(origin, 1100));
  });

  it('counts what LK customs endorsed at export when CH has not confirmed the import', async () => {
    const permit = await issueAt(lk, readExample('export-lk-orchids.json'));
    const customs = await createToken(lk.config, 'customs', 'Kamal Perera');
    const endorsed = await lk.api(`/api/permits/${permit.permitNumber}/endorsements`, {
      token: customs,
      body: { blocks: [{ block: 'A', quantity: 900 }], portOfExport: 'LKCMB', date: new Date().toISOString().slice(0, 10), transportDocument: '176-55550001' },
    });
    expect(endorsed.status).toBe(201);
    // The exchange brings the permit and then its endorsement to CH.
    await endorsementHeld(permit.permitNumber);
    expect(await refusal(reExport(permit, 901))).toEqual([['ORIGIN_PERMIT_QUANTITY_EXCEEDED', '/specimens/0/quantity']]);
    await issueAt(ch, reExport(permit, 900));
  });

  it('a revoked earlier re-export gives its quantity back', async () => {
    const origin = await orchidsImported();
    const first = await issueAt(ch, reExport(origin, 1200));
    expect(await refusal(reExport(origin, 1))).toEqual([['ORIGIN_PERMIT_QUANTITY_EXCEEDED', '/specimens/0/quantity']]);
    expect((await ch.api(`/api/permits/${first.permitNumber}/revoke`, { token: ch.officerToken, body: { reason: 'cancelled' } })).status).toBe(200);
    await issueAt(ch, reExport(origin, 1200));
  });

  it('two re-exports sent at the same moment cannot both take what is left', async () => {
    const origin = await orchidsImported();
    const answers = await Promise.all([700, 700, 700].map((q) => ch.api('/api/permits', { token: ch.officerToken, body: reExport(origin, q) })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422]);
    expect(answers.filter((a) => a.status === 422).map((a) => a.body.error.errors[0].code)).toEqual(['ORIGIN_PERMIT_QUANTITY_EXCEEDED', 'ORIGIN_PERMIT_QUANTITY_EXCEEDED']);
  });

  it('does not check a box-12 permit it did not receive through the exchange (a paper permit)', async () => {
    await issueAt(ch, reExport({ permitNumber: 'LK26-E999999' }, 5000));
  });
});
