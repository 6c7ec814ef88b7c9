/**
 * agent.yml for the exchange: saiga.trust.peers[].endpoint, where a did:key peer receives
 * exchange messages, and a Veramo section written before the exchange (no DIDComm plugin).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSaigaSection } from '../../src/agent/config/config.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { openAgent } from '../../src/agent/wiring/open.js';

const PEER = { did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', country: 'KE', name: 'Kenya Wildlife Service' };

function section(peer: Record<string, unknown>) {
  return { authority: { country: 'LK', name: 'DWC', address: 'Battaramulla', place: 'Battaramulla' }, url: 'http://localhost:8080', didMethod: 'web', trust: { peers: [peer] } };
}

describe('a peer endpoint in agent.yml', () => {
  it('is optional, and kept when given', () => {
    expect(parseSaigaSection(section(PEER)).trust.peers[0]!.endpoint).toBeUndefined();
    expect(parseSaigaSection(section({ ...PEER, endpoint: 'https://cites.kws.go.ke/didcomm' })).trust.peers[0]!.endpoint).toBe('https://cites.kws.go.ke/didcomm');
  });

  it.each(['ftp://cites.kws.go.ke/didcomm', 'cites.kws.go.ke/didcomm', 'https://cites.kws.go.ke/didcomm?x=1', ''])('refuses %j with its path', (endpoint) => {
    expect(() => parseSaigaSection(section({ ...PEER, endpoint }))).toThrow('(at /saiga/trust/peers/0/endpoint)');
  });
});

describe('an agent.yml whose Veramo agent has no DIDComm plugin (written before the exchange)', () => {
  const DIDCOMM_PLUGIN = /\n *# DIDComm v2 packing only[^\n]*\n *- \{ \$require: "@veramo\/did-comm#DIDComm"[^\n]*/;

  function olderConfig(): string {
    const dir = mkdtempSync(join(tmpdir(), 'saiga-envelope-older-'));
    const configPath = join(dir, 'agent.yml');
    const yaml = renderAgentYaml({ country: 'LK', name: 'DWC', address: 'Battaramulla', place: 'Battaramulla', url: 'http://localhost:9', didMethod: 'key' });
    expect(yaml).toMatch(DIDCOMM_PLUGIN);
    writeFileSync(configPath, yaml.replace(DIDCOMM_PLUGIN, ''));
    return configPath;
  }

  it('still opens for signing (its self-test signs); its envelope says what to add, and refuses messages as retryable', async () => {
    const saiga = await openAgent({ configPath: olderConfig(), initialise: true, env: {}, kind: 'sign' });
    try {
      const { envelope } = saiga.capabilities;
      await expect(envelope.pack({ id: 'urn:uuid:1', type: 'https://w3id.org/saiga/cites-exchange/1.0/status-changed', to: 'did:key:z6Mk', body: {} } as never)).rejects.toThrow('the Veramo agent has no DIDComm plugin');
      const refused = await envelope.open('{}', new Date());
      expect(refused).toMatchObject({ ok: false, code: 'EXCHANGE_DECRYPT_FAILED', retryable: true });
    } finally {
      await saiga.close();
    }
  });

  it('does not serve: saiga serve stops at start with the fix', async () => {
    const configPath = olderConfig();
    await (await openAgent({ configPath, initialise: true, env: {}, kind: 'sign' })).close();
    await expect(openAgent({ configPath, env: {} })).rejects.toThrow('the Veramo agent has no DIDComm plugin, which the exchange needs');
  });
});
