/** agent.yml's saiga.trust.peers[].endpoint: where a did:key peer receives exchange messages. */
import { describe, expect, it } from 'vitest';
import { parseSaigaSection } from '../../src/agent/config/config.js';

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
