/**
 * Veramo's identifier and key stores with their reads kept in memory
 * (src/agent/wiring/didcomm-store-cache.ts), in a real agent: answers are copies, and a write
 * through the agent shows at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeAuthority, type EnvelopeAuthority } from './envelope-agents.js';

let lk: EnvelopeAuthority;

beforeAll(async () => {
  lk = await envelopeAuthority('LK', 'Department of Wildlife Conservation');
}, 60_000);

afterAll(async () => {
  await lk?.close();
});

describe('the cached Veramo stores', () => {
  it('answer a copy: what a caller changes in an identifier (as Veramo converts keys in place) is not kept', async () => {
    const { veramo, identity } = lk.saiga;
    const first = await veramo.didManagerGet({ did: identity.did });
    first.keys[0]!.type = 'X25519';
    first.keys[0]!.publicKeyHex = '00';
    const again = await veramo.didManagerGet({ did: identity.did });
    expect(again.keys.map((k) => [k.type, k.publicKeyHex])).toEqual([['Ed25519', identity.publicKeyHex]]);
    const key = await veramo.keyManagerGet({ kid: identity.kid });
    key.type = 'X25519';
    expect((await veramo.keyManagerGet({ kid: identity.kid })).type).toBe('Ed25519');
  });

  it('show a key added through the agent at once, and forget a deleted one', async () => {
    const { veramo, identity } = lk.saiga;
    await veramo.didManagerGet({ did: identity.did });
    const added = await veramo.keyManagerCreate({ kms: 'local', type: 'Ed25519' });
    await veramo.didManagerAddKey({ did: identity.did, key: added });
    expect((await veramo.didManagerGet({ did: identity.did })).keys.map((k) => k.kid)).toContain(added.kid);
    expect((await veramo.keyManagerGet({ kid: added.kid })).publicKeyHex).toBe(added.publicKeyHex);
    await veramo.didManagerRemoveKey({ did: identity.did, kid: added.kid });
    await veramo.keyManagerDelete({ kid: added.kid });
    expect((await veramo.didManagerGet({ did: identity.did })).keys.map((k) => k.kid)).toEqual([identity.kid]);
    await expect(veramo.keyManagerGet({ kid: added.kid })).rejects.toThrow('Key not found');
  });
});
