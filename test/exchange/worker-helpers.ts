/**
 * For the delivery worker's unit tests: a real SQLite store (file, WAL, both connections as
 * the agent opens them), an envelope that packs a message as its JSON (the real envelope is
 * tested in envelope tests and used by the process tests), and a scripted fetch that records
 * every POST. Time and randomness are the test's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src/store/migrations.js';
import { openAgentDatabase } from '../../src/store/open-database.js';
import type { SqliteDatabase } from '../../src/store/sqlite.js';
import { SaigaStore } from '../../src/store/unit-of-work.js';
import type { Envelope, OutgoingMessage } from '../../src/exchange/ports.js';
import type { PostFetch } from '../../src/exchange/delivery-attempt.js';
import { MESSAGE_TYPES } from '../../src/exchange/message-types.js';
import type { DeliverySettings } from '../../src/exchange/delivery-worker.js';

export const START = Date.parse('2026-12-01T12:00:00.000Z');

export interface TestStore {
  store: SaigaStore;
  /** The writing connection, for what a test must ask SQLite itself (EXPLAIN QUERY PLAN). */
  db: SqliteDatabase;
  clock: { now: number };
  close(): Promise<void>;
}

export async function testStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-outbox-'));
  const database = await openAgentDatabase(join(dir, 'agent.sqlite'));
  await migrate(database.db);
  const clock = { now: START };
  const store = new SaigaStore(database.db, database.reads, () => new Date(clock.now));
  return {
    store,
    db: database.db,
    clock,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SETTINGS: DeliverySettings = {
  backoffBaseMs: 1000,
  backoffCapMs: 8000,
  circuitThreshold: 100,
  circuitCoolDownMs: 60_000,
  timeoutMs: 5000,
  concurrency: 4,
  batchSize: 20,
  pollIntervalMs: 3_600_000,
};

/** Writes one pending message, as an event's unit of work would. */
export async function enqueue(store: SaigaStore, m: { id: string; to: string; subject?: string; type?: string; createdAt?: number; maxAgeMs?: number }): Promise<void> {
  const created = m.createdAt ?? START;
  await store.transaction((work) =>
    work.outbox.insert({
      id: m.id,
      recipientDid: m.to,
      type: m.type ?? MESSAGE_TYPES.permitIssued,
      subject: m.subject ?? `urn:uuid:subject-of-${m.id}`,
      body: { permit: `jwt-of-${m.id}` },
      createdAt: new Date(created).toISOString(),
      expiresAt: new Date(created + (m.maxAgeMs ?? 7 * 86_400_000)).toISOString(),
    }),
  );
}

export const endpointOf = (did: string) => `http://${did.replace(/[^a-z0-9]/gi, '-')}.test/didcomm`;

/** Packs a message as its JSON, to the endpoint named after its recipient. */
export const jsonEnvelope: Pick<Envelope, 'pack'> = {
  pack: async (message: OutgoingMessage) => ({ packed: JSON.stringify(message), endpoint: endpointOf(message.to), mediaType: 'application/didcomm-encrypted+json' }),
};

export type Answer = { status: number; body?: unknown } | 'refused' | 'hang';

/** A fetch whose answer per endpoint the test sets; every POST is recorded as `endpoint id`. */
export function scriptedFetch(answers: Record<string, Answer | ((id: string) => Answer)>) {
  const posts: { endpoint: string; id: string }[] = [];
  const fetch: PostFetch = async (url, init) => {
    const id = (JSON.parse(init.body) as OutgoingMessage).id;
    posts.push({ endpoint: url, id });
    const scripted = answers[url] ?? { status: 202 };
    const answer = typeof scripted === 'function' ? scripted(id) : scripted;
    if (answer === 'refused') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    if (answer === 'hang') {
      return new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason), { once: true }));
    }
    const text = answer.body === undefined ? JSON.stringify({ id, status: 'accepted', receivedAt: new Date(START).toISOString() }) : JSON.stringify(answer.body);
    return { status: answer.status, text: async () => text };
  };
  return { fetch, posts, to: (did: string) => posts.filter((p) => p.endpoint === endpointOf(did)).map((p) => p.id) };
}
