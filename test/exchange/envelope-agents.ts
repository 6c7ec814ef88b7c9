/**
 * Authorities for the envelope tests, each opened in this process (openAgent, its own SQLite
 * file and key store in a temporary folder) with its did:web document served on its own
 * loopback port by a small HTTP server, so that peers resolve it over real http.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import type { SignCapabilities } from '../../src/agent/wiring/capabilities.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { freePort } from '../../bench/free-port.js';

export interface EnvelopeAuthority {
  saiga: OpenedAgent<SignCapabilities>;
  did: string;
  url: string;
  /** Serves the DID document at /.well-known/did.json (did:web only); started by `envelopeAuthority`. */
  serve(): Promise<void>;
  /** Stops serving it: the authority's DID can no longer be resolved. */
  stopServing(): Promise<void>;
  close(): Promise<void>;
}

export interface AuthorityOptions {
  didMethod?: 'web' | 'key';
  /** saiga.trust.peers of its agent.yml. */
  peers?: { did: string; country: string; name: string; endpoint?: string }[];
  now?: () => Date;
}

export async function envelopeAuthority(country: string, name: string, options: AuthorityOptions = {}): Promise<EnvelopeAuthority> {
  const dir = mkdtempSync(join(tmpdir(), `saiga-envelope-${country.toLowerCase()}-`));
  const configPath = join(dir, 'agent.yml');
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const yaml = renderAgentYaml({ country, name, address: `${name}, ${country}`, place: country, url, didMethod: options.didMethod ?? 'web' });
  writeFileSync(configPath, withPeers(yaml, options.peers ?? []));
  const saiga = await openAgent({ configPath, initialise: true, env: {}, kind: 'sign', ...(options.now && { now: options.now }) });
  let server: Server | undefined;
  const document = JSON.stringify(saiga.didDocument);
  const authority: EnvelopeAuthority = {
    saiga,
    did: saiga.identity.did,
    url,
    async serve() {
      if (server || options.didMethod === 'key') return;
      const listening = createServer((request, response) => {
        if (request.url === '/.well-known/did.json') response.writeHead(200, { 'content-type': 'application/did+json' }).end(document);
        else response.writeHead(404).end();
      });
      server = listening;
      await new Promise<void>((ok) => listening.listen(port, '127.0.0.1', ok));
    },
    async stopServing() {
      const listening = server;
      server = undefined;
      if (listening) await new Promise<void>((ok) => listening.close(() => ok()));
    },
    async close() {
      await authority.stopServing();
      await saiga.close();
    },
  };
  await authority.serve();
  return authority;
}

function withPeers(yaml: string, peers: NonNullable<AuthorityOptions['peers']>): string {
  if (peers.length === 0) return yaml;
  const doc = jsYaml.load(yaml, { schema: jsYaml.CORE_SCHEMA }) as { saiga: { trust: { peers: unknown[] } } };
  doc.saiga.trust.peers = peers;
  return jsYaml.dump(doc, { schema: jsYaml.CORE_SCHEMA, noRefs: true, lineWidth: -1 });
}
