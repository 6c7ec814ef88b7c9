/**
 * An audit trail on a real SQLite file (WAL, the agent's two connections), and an Ed25519
 * authority key that signs checkpoints as a compact JWS exactly as Veramo's VC-JWTs are laid
 * out (header with kid, payload with iss and vc): the checks under test see real signatures.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519';
import { migrate } from '../../src/store/migrations.js';
import { openAgentDatabase, type AgentDatabase } from '../../src/store/open-database.js';
import { SaigaStore } from '../../src/store/unit-of-work.js';
import type { AuthorityKey } from '../../src/audit/checkpoints.js';

export const AUTHORITY_DID = 'did:web:cites.dwc.gov.lk';

export interface TestKey extends AuthorityKey {
  secret: Uint8Array;
}

/** A fixed key per seed byte (deterministic signatures: Ed25519 is deterministic). */
export function testKey(seed: number, did = AUTHORITY_DID): TestKey {
  const secret = new Uint8Array(32).fill(seed);
  const publicKeyHex = Buffer.from(ed25519.getPublicKey(secret)).toString('hex');
  return { kid: `${did}#key-${seed}`, publicKeyHex, secret };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** Signs a credential as a VC-JWT (EdDSA) with `key`, the layout signer.ts produces. */
export function signWith(key: TestKey, did = AUTHORITY_DID) {
  return async (credential: object): Promise<string> => {
    const c = credential as { issuanceDate: string };
    const header = b64({ alg: 'EdDSA', typ: 'JWT', kid: key.kid });
    const payload = b64({ iss: did, nbf: Math.floor(Date.parse(c.issuanceDate) / 1000), vc: credential });
    const signature = Buffer.from(ed25519.sign(Buffer.from(`${header}.${payload}`, 'ascii'), key.secret)).toString('base64url');
    return `${header}.${payload}.${signature}`;
  };
}

export interface TestTrail {
  file: string;
  database: AgentDatabase;
  store: SaigaStore;
  clock: { now: Date };
  close(): Promise<void>;
}

export async function openTrail(start = '2026-12-01T12:00:00.000Z', file?: string): Promise<TestTrail> {
  const path = file ?? join(mkdtempSync(join(tmpdir(), 'saiga-audit-')), 'agent.sqlite');
  const database = await openAgentDatabase(path);
  await migrate(database.db);
  const clock = { now: new Date(start) };
  const store = new SaigaStore(database.db, database.reads, () => clock.now);
  return { file: path, database, store, clock, close: () => database.close() };
}
