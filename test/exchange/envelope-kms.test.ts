/**
 * Saiga's KMS (src/agent/wiring/saiga-kms.ts) agrees the same X25519 secrets as Veramo's
 * kms-local, over the same encrypted key store of a real agent, and the key-agreement key of
 * the authority's DID document (did-document.ts, derived with @noble/curves) is the one
 * kms-local derives from the authority's private key.
 */
import { createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import { KeyManagementSystem } from '@veramo/kms-local';
import { MemoryPrivateKeyStore, type AbstractPrivateKeyStore } from '@veramo/key-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObjects } from '../../src/agent/config/yaml-loader.js';
import { loadSecret, SECRET_ENV } from '../../src/agent/identity/secret.js';
import { SaigaKeyManagementSystem } from '../../src/agent/wiring/saiga-kms.js';
import { envelopeAuthority, type EnvelopeAuthority } from './envelope-agents.js';

let lk: EnvelopeAuthority;
let store: AbstractPrivateKeyStore;
let storeConnection: { destroy(): Promise<void> };

beforeAll(async () => {
  lk = await envelopeAuthority('LK', 'Department of Wildlife Conservation');
  // The agent's own encrypted private-key store, opened a second time as agent.yml builds it.
  const { config } = lk.saiga;
  const databaseFile = (await createObjects(config.document, { file: '/constants/databaseFile' }, { baseDir: config.baseDir, env: {} })).file as string;
  const secret = loadSecret({ env: {}, file: join(dirname(databaseFile), 'secret.key'), create: false }).key;
  const built = await createObjects(
    config.document,
    { store: '/keyManager/$args/0/kms/local/$args/0', connection: '/dbConnection' },
    { baseDir: config.baseDir, env: { [SECRET_ENV]: secret } },
  );
  store = built.store as AbstractPrivateKeyStore;
  storeConnection = built.connection as { destroy(): Promise<void> };
}, 60_000);

afterAll(async () => {
  await storeConnection?.destroy();
  await lk?.close();
});

function x25519Raw(key: KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
}

describe('the X25519 key agreement', () => {
  it("the DID document's key-agreement key is the X25519 key kms-local derives from the authority's Ed25519 key", async () => {
    const method = lk.saiga.didDocument.verificationMethod!.find((vm) => vm.id === lk.saiga.didDocument.keyAgreement![0])!;
    const documentKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: (method.publicKeyJwk as { x: string }).x }, format: 'jwk' });
    const ephemeral = generateKeyPairSync('x25519');
    const fromKmsLocal = await new KeyManagementSystem(store).sharedSecret({ myKeyRef: { kid: lk.saiga.identity.kid }, theirKey: { type: 'X25519', publicKeyHex: x25519Raw(ephemeral.publicKey) } });
    expect(fromKmsLocal).toBe(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: documentKey }).toString('hex'));
  });

  it("Saiga's KMS answers what kms-local answers for the agent's keys, with X25519 and Ed25519 peer keys", async () => {
    const kmsLocal = new KeyManagementSystem(store);
    const saiga = new SaigaKeyManagementSystem(store);
    const peers = [
      ...Array.from({ length: 4 }, () => ({ type: 'X25519' as const, publicKeyHex: x25519Raw(generateKeyPairSync('x25519').publicKey) })),
      ...Array.from({ length: 4 }, () => ({ type: 'Ed25519' as const, publicKeyHex: Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex') })),
    ];
    for (const kid of [lk.saiga.identity.kid, lk.saiga.customs.kid]) {
      for (const theirKey of peers) {
        const expected = await kmsLocal.sharedSecret({ myKeyRef: { kid }, theirKey });
        expect(await saiga.sharedSecret({ myKeyRef: { kid }, theirKey })).toBe(expected);
        // The second call uses the key kept in memory.
        expect(await saiga.sharedSecret({ myKeyRef: { kid }, theirKey })).toBe(expected);
      }
    }
  });

  it('an X25519 private key of its own, and errors as kms-local words them', async () => {
    const memory = new MemoryPrivateKeyStore();
    const kmsLocal = new KeyManagementSystem(memory);
    const saiga = new SaigaKeyManagementSystem(memory);
    const mine = generateKeyPairSync('x25519');
    const d = Buffer.from(mine.privateKey.export({ format: 'jwk' }).d!, 'base64url').toString('hex');
    await memory.importKey({ alias: 'x1', type: 'X25519', privateKeyHex: d });
    const theirKey = { type: 'X25519' as const, publicKeyHex: x25519Raw(generateKeyPairSync('x25519').publicKey) };
    expect(await saiga.sharedSecret({ myKeyRef: { kid: 'x1' }, theirKey })).toBe(await kmsLocal.sharedSecret({ myKeyRef: { kid: 'x1' }, theirKey }));
    await expect(saiga.sharedSecret({ myKeyRef: { kid: 'nope' }, theirKey })).rejects.toThrow('key_not_found: No key entry found for kid=nope');
    await expect(saiga.sharedSecret({ myKeyRef: { kid: 'x1' }, theirKey: { type: 'Secp256k1', publicKeyHex: 'ab' } })).rejects.toThrow('not_supported');
    // A key deleted through the KMS is forgotten from memory too.
    await saiga.deleteKey({ kid: 'x1' });
    await expect(saiga.sharedSecret({ myKeyRef: { kid: 'x1' }, theirKey })).rejects.toThrow('key_not_found');
  });
});
