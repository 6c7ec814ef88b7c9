/**
 * `npm run bench`: throughput of issuance and verification, each against a baseline
 * measured in the same run on the same credentials.
 *
 *  - issuance: permits signed by the agent (Veramo, Ed25519) and committed durably to
 *    its SQLite file (WAL, synchronous=FULL), with requests in flight concurrently;
 *  - verification with Saiga's core (src/verify) and a warm DID cache;
 *  - baseline: Veramo's own agent.verifyCredential on the same JWTs;
 *  - floor: one raw Ed25519 signature check with node:crypto.
 *
 * Progress goes to stderr; the table (or JSON with --json) to stdout.
 */
import { createPublicKey, verify as ed25519Verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAgent } from '../src/agent/open.js';
import { renderAgentYaml } from '../src/agent/write-config.js';
import { ed25519Jwk } from '../src/agent/did-document.js';
import { createDidResolver, createPermitVerifier } from '../src/verify/index.js';
import { validatePermit } from '../src/permit/validate.js';

const json = process.argv.includes('--json');
const progress = (line: string) => process.stderr.write(`${line}\n`);

interface Measure {
  name: string;
  count: number;
  seconds: number;
  perSecond: number;
  msEach: number;
}

async function measure(name: string, count: number, work: (i: number) => Promise<unknown> | unknown): Promise<Measure> {
  progress(`  ${name}: ${count} operations…`);
  const start = performance.now();
  for (let i = 0; i < count; i++) await work(i);
  const seconds = (performance.now() - start) / 1000;
  return { name, count, seconds, perSecond: count / seconds, msEach: (seconds * 1000) / count };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-bench-'));
  const config = join(dir, 'agent.yml');
  writeFileSync(
    config,
    renderAgentYaml({ country: 'LK', name: 'Bench authority', address: 'Colombo', place: 'Colombo', url: 'http://localhost:8080', didMethod: 'key' }),
  );
  progress(`Bench agent in ${dir} (did:key, SQLite file)`);
  const saiga = await openAgent({ configPath: config, initialise: true });
  const orchids = JSON.parse(readFileSync('examples/permits/export-lk-orchids.json', 'utf8')) as unknown;

  // Issuance: N permits, CONCURRENCY requests in flight, each acknowledged only after its commit.
  const N = 600;
  const CONCURRENCY = 32;
  progress(`Issuing ${N} permits, ${CONCURRENCY} in flight…`);
  const jwts: string[] = [];
  const issueStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        next += 1;
        const outcome = await saiga.issuer.issue(orchids, { signatory: 'Bench Officer' });
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
        jwts.push(outcome.record.jwt);
        if (jwts.length % 100 === 0) progress(`  issued ${jwts.length}/${N}`);
      }
    }),
  );
  const issueSeconds = (performance.now() - issueStart) / 1000;
  const issuance: Measure = { name: 'issue (Veramo sign + durable SQLite commit)', count: N, seconds: issueSeconds, perSecond: N / issueSeconds, msEach: (issueSeconds * 1000) / N };
  const stored = await saiga.permits.count();
  if (stored !== N) throw new Error(`expected ${N} stored permits, found ${stored}`);

  // Sequential issuance: one request at a time (what a single officer's client sees).
  const sequential = await measure('issue, one at a time', 100, async () => {
    const outcome = await saiga.issuer.issue(orchids, { signatory: 'Bench Officer' });
    if (!outcome.ok) throw new Error('refused');
  });

  progress('Verifying…');
  const at = new Date();
  // Warm the DID cache and key import once, as a running agent would be.
  const warm = await saiga.verifier.verify(jwts[0]!, at);
  if (!warm.verified) throw new Error(`bench credential did not verify: ${JSON.stringify(warm.checks)}`);
  const core = await measure('verify: Saiga core (src/verify), warm DID cache', 5000, async (i) => {
    const result = await saiga.verifier.verify(jwts[i % jwts.length]!, at);
    if (!result.verified) throw new Error('not verified');
  });
  // The same core with its default WebCrypto suite: what the verifier page runs in a browser.
  const webCrypto = createPermitVerifier({
    resolveDid: createDidResolver({ fetch: globalThis.fetch.bind(globalThis) }),
    trustedIssuers: saiga.verifier.trustedIssuers,
    checkPermit: (subject, { issuer }) => validatePermit(subject, { issuerDid: issuer.did, issuerCountry: issuer.country }),
  });
  const coreWebCrypto = await measure('verify: Saiga core, WebCrypto suite (the browser path)', 5000, async (i) => {
    const result = await webCrypto.verify(jwts[i % jwts.length]!, { now: at });
    if (!result.verified) throw new Error('not verified');
  });
  const veramo = await measure('baseline: Veramo agent.verifyCredential', 400, async (i) => {
    const result = await saiga.veramo.verifyCredential({ credential: jwts[i % jwts.length]! });
    if (!result.verified) throw new Error('Veramo did not verify');
  });
  const key = createPublicKey({ key: ed25519Jwk(saiga.identity.publicKeyHex), format: 'jwk' });
  const parts = jwts.map((jwt) => {
    const [h, p, s] = jwt.split('.');
    return { input: Buffer.from(`${h}.${p}`), signature: Buffer.from(s!, 'base64url') };
  });
  const floor = await measure('floor: one raw Ed25519 verify (node:crypto)', 20000, (i) => {
    const { input, signature } = parts[i % parts.length]!;
    if (!ed25519Verify(null, input, key, signature)) throw new Error('bad signature');
  });

  await saiga.close();
  rmSync(dir, { recursive: true, force: true });

  const rows = [issuance, sequential, core, coreWebCrypto, veramo, floor];
  const report = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    results: rows,
    ratios: {
      verifyVsVeramo: core.perSecond / veramo.perSecond,
      verifyWebCryptoVsVeramo: coreWebCrypto.perSecond / veramo.perSecond,
      verifyVsRawEd25519: core.perSecond / floor.perSecond,
    },
    targets: { verifyVsVeramo: 10, issuePerSecond: 100 },
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const lines = [
    '',
    `| measure | ops | seconds | per second | ms each |`,
    `|---|---:|---:|---:|---:|`,
    ...rows.map((r) => `| ${r.name} | ${r.count} | ${r.seconds.toFixed(2)} | ${r.perSecond.toFixed(0)} | ${r.msEach.toFixed(3)} |`),
    '',
    `Verification: ${report.ratios.verifyVsVeramo.toFixed(1)}× Veramo's verifyCredential (target ≥ 10×); ${(report.ratios.verifyVsRawEd25519 * 100).toFixed(0)}% of a raw Ed25519 check.`,
    `  With the browser's WebCrypto suite: ${report.ratios.verifyWebCryptoVsVeramo.toFixed(1)}× Veramo.`,
    `Issuance: ${issuance.perSecond.toFixed(0)} durable permits/s with ${CONCURRENCY} in flight (target ≥ 100), ${sequential.perSecond.toFixed(0)}/s one at a time.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
