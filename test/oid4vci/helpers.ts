/**
 * An in-process agent whose saiga.url is the loopback address it listens on (the OpenID4VCI
 * metadata names it, so a wallet must reach it there), a pinned clock, an officer token, and a
 * wallet: the library's own client (Openid4vciClient) with a did:jwk holder key signed by jose.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { clientAuthenticationNone, setGlobalConfig, type Jwk } from '@openid4vc/oauth2';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { createApp } from '../../src/http/app.js';
import type { ServeCapabilities } from '../../src/agent/wiring/capabilities.js';
import type { HolderLinkMailer } from '../../src/holder/mailer.js';
import { freePort } from '../helpers/agent-process.js';

// Tests only: every URL is http on 127.0.0.1 (the agent sets it itself for a loopback saiga.url).
setGlobalConfig({ allowInsecureUrls: true });

export interface Oid4vciAgent {
  saiga: OpenedAgent;
  url: string;
  clock: { now: Date };
  officerToken: string;
  /** Another app on the same agent and store (e.g. with a holder-link port), on a port of its own. */
  serveAlso(capabilities: ServeCapabilities): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function oid4vciAgent(start = new Date('2026-12-01T12:00:00Z'), config: { offerMinutes?: number; holderLinkMailer?: HolderLinkMailer } = {}): Promise<Oid4vciAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-oid4vci-'));
  const configPath = join(dir, 'agent.yml');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let yaml = renderAgentYaml({ country: 'LK', name: 'Department of Wildlife Conservation', address: '811A Jayanthipura, Battaramulla', place: 'Battaramulla', url, didMethod: 'key' });
  if (config.offerMinutes !== undefined) yaml = yaml.replace(/^( *)url: .*$/m, (line, indent: string) => `${line}\n${indent}oid4vci:\n${indent}  offerMinutes: ${config.offerMinutes}`);
  writeFileSync(configPath, yaml);
  const clock = { now: start };
  const saiga = await openAgent({ configPath, initialise: true, env: {}, now: () => clock.now, ...(config.holderLinkMailer && { holderLinkMailer: config.holderLinkMailer }) });
  let server: Server | undefined;
  const stop = async () => {
    if (!server) return;
    server.closeAllConnections();
    await new Promise((ok) => server!.close(ok));
    server = undefined;
  };
  const listen = (capabilities: ServeCapabilities, on: number) => {
    const app = createApp(capabilities, { logError: (e) => console.error(e) });
    return new Promise<Server>((ok) => {
      const s = app.listen(on, '127.0.0.1', () => ok(s));
    });
  };
  server = await listen(saiga.capabilities, port);
  const serveAlso = async (capabilities: ServeCapabilities) => {
    const extra = await listen(capabilities, 0);
    return {
      url: `http://127.0.0.1:${(extra.address() as AddressInfo).port}`,
      close: async () => {
        extra.closeAllConnections();
        await new Promise((ok) => extra.close(ok));
      },
    };
  };
  const officerToken = (await saiga.tokens.create('officer', 'Kamal Perera')).token;
  return {
    saiga,
    url,
    clock,
    officerToken,
    serveAlso,
    close: async () => {
      await stop();
      await saiga.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Wallet {
  client: Openid4vciClient;
  did: string;
}

/** A wallet with a fresh Ed25519 holder key, its DID a did:jwk. */
export async function newWallet(): Promise<Wallet> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const publicJwk = (await exportJWK(publicKey)) as Jwk;
  const did = `did:jwk:${Buffer.from(JSON.stringify({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x })).toString('base64url')}`;
  const client = new Openid4vciClient({
    callbacks: {
      hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '')).update(data).digest()),
      generateRandom: (n) => new Uint8Array(randomBytes(n)),
      fetch: globalThis.fetch,
      clientAuthentication: clientAuthenticationNone({ clientId: 'saiga-test-wallet' }),
      signJwt: async (signer, { header, payload }) => {
        if (signer.method !== 'did') throw new Error('the test wallet signs as its did:jwk');
        const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ ...header, alg: 'EdDSA' }).sign(privateKey);
        return { jwt, signerJwk: publicJwk };
      },
    },
  });
  return { client, did };
}

export async function postForm(url: string, fields: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  return { status: response.status, body: await response.json() };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json(), headers: response.headers };
}
