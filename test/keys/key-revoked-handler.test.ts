/**
 * The keyRevoked handler at a peer (src/exchange/handlers/key-revoked.ts) on a real SQLite
 * store: only the key's own authority (or its customs identity, trusted for the sender's
 * country) may announce it; applying the notice records it and drops the cached DID document,
 * so the next resolution fetches the document that marks the key revoked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXCHANGE_CODES } from '../../src/codes.js';
import { keyRevokedHandler } from '../../src/exchange/handlers/key-revoked.js';
import type { ReceivedMessage } from '../../src/exchange/ports.js';
import { migrate } from '../../src/store/migrations.js';
import { openAgentDatabase, type AgentDatabase } from '../../src/store/open-database.js';
import { SaigaStore } from '../../src/store/unit-of-work.js';
import { createDidResolver } from '../../src/verify/resolver.js';
import type { TrustedIssuer } from '../../src/verify/index.js';

const LK = 'did:web:cites.example.org:lk';
const LK_CUSTOMS = 'did:web:cites.example.org:lk:customs';
const NO = 'did:web:cites.example.org:no';
const TRUSTED: TrustedIssuer[] = [
  { did: LK, role: 'managementAuthority', country: 'LK', name: 'Department of Wildlife Conservation' },
  { did: LK_CUSTOMS, role: 'customs', country: 'LK', name: 'Sri Lanka Customs' },
  { did: NO, role: 'managementAuthority', country: 'NO', name: 'Norwegian Environment Agency' },
];
const RECEIVED = new Date('2026-03-01T12:00:00.000Z');

let database: AgentDatabase;
let store: SaigaStore;
let fetched: string[];
let resolveDid: ReturnType<typeof createDidResolver>;

beforeEach(async () => {
  database = await openAgentDatabase(join(mkdtempSync(join(tmpdir(), 'saiga-keys-')), 'agent.sqlite'));
  await migrate(database.db);
  store = new SaigaStore(database.db, database.reads);
  fetched = [];
  const fetch = async (url: string) => {
    fetched.push(url);
    return new Response(JSON.stringify({ id: LK }), { headers: { 'content-type': 'application/did+json' } });
  };
  resolveDid = createDidResolver({ fetch, now: () => RECEIVED.getTime() });
});

afterEach(async () => {
  await database.close();
});

const handler = () => keyRevokedHandler({ trusted: () => TRUSTED, forgetDid: (did) => resolveDid.forget(did) });

const message = (from: string, kid: string, extra: Record<string, string> = {}): ReceivedMessage<'keyRevoked'> => ({
  id: 'urn:uuid:5b0e4b3c-0f7d-4d0a-9d43-7c0f2f1f9a01',
  kind: 'keyRevoked',
  from,
  body: { kid, revokedAt: '2026-02-25T00:00:00.000Z', ...extra },
  receivedAt: RECEIVED,
});

describe('the keyRevoked handler', () => {
  it('records the notice of the sender’s own key and drops its cached DID document', async () => {
    await resolveDid(LK);
    const received = message(LK, `${LK}#key-old12345`, { compromisedSince: '2026-02-20T00:00:00.000Z' });
    const checked = await handler().check(received as never);
    expect(checked).toEqual({ ok: true, checked: { did: LK } });
    await store.transaction((work) => handler().apply(work, (checked as { checked: { did: string } }).checked, received as never));
    expect(await store.reads.signingKeys.notices()).toEqual([
      { kid: `${LK}#key-old12345`, did: LK, fromDid: LK, revokedAt: '2026-02-25T00:00:00.000Z', compromisedSince: '2026-02-20T00:00:00.000Z', receivedAt: RECEIVED.toISOString() },
    ]);
    await resolveDid(LK);
    // Fetched once before the notice and once after: the cache held the document until the notice.
    expect(fetched).toHaveLength(2);
  });

  it('accepts its customs identity’s key from the Management Authority of the same country', async () => {
    expect(await handler().check(message(LK, `${LK_CUSTOMS}#key-abcdefgh`) as never)).toEqual({ ok: true, checked: { did: LK_CUSTOMS } });
  });

  it.each([
    ['another authority’s key', NO, `${LK}#key-old12345`, `${LK}#key-old12345 is a key of ${LK}, and the message comes from ${NO}.`],
    ['another country’s customs key', NO, `${LK_CUSTOMS}#key-abcdefgh`, `${LK_CUSTOMS}#key-abcdefgh is a key of ${LK_CUSTOMS}, and the message comes from ${NO}.`],
  ])('refuses %s → EXCHANGE_KEY_NOT_SENDERS', async (_case, from, kid, detail) => {
    expect(await handler().check(message(from, kid) as never)).toEqual({
      ok: false,
      code: 'EXCHANGE_KEY_NOT_SENDERS',
      message: `${EXCHANGE_CODES.EXCHANGE_KEY_NOT_SENDERS} ${detail}`,
      path: '/kid',
    });
  });

  it.each([
    ['a kid that is no DID URL', { kid: 'key-1' }, '/kid'],
    ['a revokedAt that is no date', { kid: `${LK}#key-1`, revokedAt: 'soon' }, '/revokedAt'],
    ['a compromisedSince that is no date', { kid: `${LK}#key-1`, compromisedSince: 'last week' }, '/compromisedSince'],
  ])('refuses %s → EXCHANGE_BODY_INVALID at its path', async (_case, body, path) => {
    const { kid, ...extra } = body as Record<string, string>;
    const result = await handler().check(message(LK, kid!, extra) as never);
    expect(result).toMatchObject({ ok: false, code: 'EXCHANGE_BODY_INVALID', path });
  });
});
