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
import { createPublicKey, generateKeyPairSync, sign, verify as ed25519Verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAgent } from '../src/agent/wiring/open.js';
import { renderAgentYaml } from '../src/agent/config/write-config.js';
import jsYaml from 'js-yaml';
import { ed25519Jwk } from '../src/agent/identity/did-document.js';
import { createPermitVerifier, createStatusChecker, readStatusEntries, type DidResolution, type FetchLike } from '../src/verify/index.js';
import { createAssertionKeyStore } from '../src/verify/keys.js';
import type { SignedCredentialContext } from '../src/verify/signed-credential.js';
import { nodeCryptoSuite } from '../src/verification/node-signature.js';
import { encodeBitstring, getBit, MIN_STATUS_LIST_LENGTH, newBitstring, setBit } from '../src/vocab/bitstring.js';
import { buildStatusListCredential } from '../src/status/list-credential.js';
import { permitQr } from '../src/print/permit-qr.js';
import { cameraToVerdict } from './camera.js';
import { consoleBundle, consoleTimings } from './console.js';
import { commandTimings } from './commands.js';
import { qrVersion } from '../src/qr/render.js';
import { envelopeTimings, renderEnvelopeTimings } from './exchange-envelope.js';
import { exchangeBench, renderExchangeBench } from './exchange.js';
import { annualReportBench, renderAnnualReportBench } from './annual-report.js';

/** Fetches every status list and record the credentials name once, so the verification rows measure the core, not I/O. */
async function prefetch(fetchOwn: FetchLike, jwts: string[]): Promise<Map<string, { body: string; type: string }>> {
  const urls = new Set<string>();
  for (const jwt of jwts) {
    const vc = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).vc as { permitRecord: string; credentialStatus: { statusListCredential: string }[] };
    urls.add(vc.permitRecord);
    for (const entry of vc.credentialStatus) urls.add(entry.statusListCredential);
  }
  const out = new Map<string, { body: string; type: string }>();
  for (const url of urls) {
    const response = await fetchOwn(url);
    out.set(url, { body: await response.text(), type: response.headers.get('content-type') ?? 'application/octet-stream' });
  }
  return out;
}

/** Issues every example at an authority of its country (did:web, a realistic domain) and measures its QR code. */
const FOUR_LINES = 're-export-ch-watch-straps.json + 2 blocks';

/** The watch-straps re-export with two more blocks (Crocodylus porosus from AU, Caiman crocodilus fuscus from CO). */
function fourLineRequest(): Record<string, unknown> {
  const request = JSON.parse(readFileSync('examples/permits/re-export-ch-watch-straps.json', 'utf8')) as { specimens: Record<string, unknown>[] };
  const [a, b] = request.specimens as [Record<string, unknown>, Record<string, unknown>];
  request.specimens.push(
    { ...a, scientificName: 'Crocodylus porosus', commonName: 'Saltwater crocodile', quantity: 80, origin: { country: 'AU', permitNumber: 'PWS2026-AU-001122', date: '2026-02-10' } },
    { ...b, scientificName: 'Caiman crocodilus fuscus', commonName: 'Brown caiman', source: 'C', quantity: 300, origin: { country: 'CO', permitNumber: 'CO-26-000777', date: '2026-02-20' } },
  );
  return request;
}

async function exampleQrVersions() {
  const authorities: Record<string, { name: string; place: string; url: string }> = {
    LK: { name: 'Department of Wildlife Conservation', place: 'Battaramulla', url: 'https://cites.dwc.gov.lk' },
    CH: { name: 'Federal Food Safety and Veterinary Office', place: 'Bern', url: 'https://cites.blv.admin.ch' },
    NO: { name: 'Norwegian Environment Agency', place: 'Trondheim', url: 'https://cites.miljodirektoratet.no' },
  };
  const examples: [string, string][] = [
    ['export-lk-orchids.json', 'LK'],
    ['export-lk-elephant-samples.json', 'LK'],
    ['import-ch-elephant-samples.json', 'CH'],
    ['re-export-ch-watch-straps.json', 'CH'],
    ['export-no-captive-bred-parrots.json', 'NO'],
    ['pre-convention-no-guitar.json', 'NO'],
    // The target case of four lines: the watch straps with two more blocks (as in test/qr/helpers.ts).
    [FOUR_LINES, 'CH'],
  ];
  const rows = [];
  for (const country of ['LK', 'CH', 'NO']) {
    const a = authorities[country]!;
    const home = mkdtempSync(join(tmpdir(), 'saiga-bench-qr-'));
    const config = jsYaml.load(renderAgentYaml({ country, name: a.name, address: a.place, place: a.place, url: a.url, didMethod: 'web' }), { schema: jsYaml.CORE_SCHEMA }) as { saiga: Record<string, unknown> };
    // The LK elephant export names the CH import permit: its authority must be a trusted peer (Art. III(2)(d)).
    if (country === 'LK') config.saiga.trust = { peers: [{ did: 'did:web:cites.blv.admin.ch', country: 'CH', name: authorities.CH!.name }] };
    // CH does not run here, so its import permit cannot reach LK: the export names it only.
    config.saiga.issuance = { requireHeldImportPermit: false };
    writeFileSync(join(home, 'agent.yml'), jsYaml.dump(config, { schema: jsYaml.CORE_SCHEMA, noRefs: true, lineWidth: -1 }));
    const agent = await openAgent({ configPath: join(home, 'agent.yml'), initialise: true });
    for (const [example] of examples.filter(([, c]) => c === country)) {
      const request = example === FOUR_LINES ? fourLineRequest() : (JSON.parse(readFileSync(join('examples/permits', example), 'utf8')) as Record<string, unknown>);
      const outcome = await agent.issuer.issue(request, { signatory: 'Bench Officer' });
      if (!outcome.ok) throw new Error(`${example}: ${JSON.stringify(outcome.errors)}`);
      const qr = await permitQr(agent.config, outcome.record.jwt);
      let rawVersion: number | undefined;
      try {
        rawVersion = qrVersion(outcome.record.jwt);
      } catch {
        rawVersion = undefined;
      }
      rows.push({ example, lines: outcome.record.permit.specimens.length, jwtChars: outcome.record.jwt.length, rawVersion, linkVersion: qr.version, kind: qr.kind });
    }
    await agent.close();
    rmSync(home, { recursive: true, force: true });
  }
  return rows;
}

/** The pieces the status checker needs, as a verifier builds them. */
function statusContext(documents: Map<string, DidResolution>): SignedCredentialContext {
  return {
    resolveDid: async (did) => documents.get(did) ?? { didResolutionMetadata: { error: 'notFound' }, didDocument: null, didDocumentMetadata: {} },
    assertionKeys: createAssertionKeyStore(nodeCryptoSuite),
    suite: nodeCryptoSuite,
    allowedAlgorithms: new Set(['EdDSA']),
  };
}


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

const BENCH_PRESENTATION = { nonce: 'bench-nonce-0123456789abcdef', audience: 'origin:https://verify.example.org' };

/** One VP JWT per permit, signed by a fresh Ed25519 holder key (did:jwk), as a wallet answers the verifier page. */
async function presentations(permits: string[], at: Date): Promise<string[]> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const holder = `did:jwk:${Buffer.from(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: jwk.x })).toString('base64url')}`;
  const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: `${holder}#0` })).toString('base64url');
  const iat = Math.floor(at.getTime() / 1000) - 5;
  return permits.map((permit) => {
    const payload = { iss: holder, aud: BENCH_PRESENTATION.audience, nonce: BENCH_PRESENTATION.nonce, iat, exp: iat + 300, vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], holder, verifiableCredential: [permit] } };
    const input = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
  });
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
  // The core as a verifier elsewhere runs it: DID documents and status lists cached (warm), the
  // permit record fetched on every check (here from the agent's database instead of over HTTP).
  const documents = new Map([saiga.didDocument, saiga.customsDidDocument].map((d) => [d.id, Object.freeze({ didResolutionMetadata: {}, didDocument: Object.freeze(d), didDocumentMetadata: {} })]));
  const published = await prefetch(saiga.ownFetch, jwts);
  const memoryFetch = async (url: string) => {
    const hit = published.get(url);
    return hit ? new Response(hit.body, { headers: { 'content-type': hit.type } }) : new Response('', { status: 404 });
  };
  const coreOptions = {
    resolveDid: async (did: string) => documents.get(did) ?? { didResolutionMetadata: { error: 'notFound' }, didDocument: null, didDocumentMetadata: {} },
    trustedIssuers: saiga.verifier.trustedIssuers,
    fetch: memoryFetch,
    // The permit rules are the core's default.
  };
  const nodeCore = createPermitVerifier({ ...coreOptions, signatureSuite: nodeCryptoSuite });
  const webCore = createPermitVerifier(coreOptions);
  const warm = await nodeCore.verifyInput(jwts[0]!, { now: at });
  if (!warm.verified) throw new Error(`bench credential did not verify: ${JSON.stringify(warm.checks)}`);
  await webCore.verifyInput(jwts[0]!, { now: at });
  const core = await measure('verify: Saiga core, full (signature, rules, cached status lists, permit record in memory), node:crypto', 3000, async (i) => {
    const result = await nodeCore.verifyInput(jwts[i % jwts.length]!, { now: at });
    if (!result.verified) throw new Error('not verified');
  });
  const coreWebCrypto = await measure('verify: Saiga core, full, WebCrypto (the browser path)', 3000, async (i) => {
    const result = await webCore.verifyInput(jwts[i % jwts.length]!, { now: at });
    if (!result.verified) throw new Error('not verified');
  });
  // The checks Veramo's verifyCredential makes too (signature, validity) plus the permit rules; no status or record fetched.
  const offlineCore = createPermitVerifier({ ...coreOptions, fetch: undefined, signatureSuite: nodeCryptoSuite });
  const sameChecks = await measure('verify: Saiga core, signature + validity + rules only (no status, no record)', 5000, async (i) => {
    const result = await offlineCore.verifyInput(jwts[i % jwts.length]!, { now: at });
    const failed = result.checks.filter((c) => !c.ok).map((c) => c.code).join();
    if (failed !== 'STATUS_UNAVAILABLE,RECORD_UNAVAILABLE') throw new Error(`unexpected ${failed}`);
  });
  const veramo = await measure('baseline: Veramo agent.verifyCredential (signature and VC checks only)', 400, async (i) => {
    const result = await saiga.veramo.verifyCredential({ credential: jwts[i % jwts.length]! });
    if (!result.verified) throw new Error('Veramo did not verify');
  });
  // A wallet's presentation (issue 12 §3): the same permits, each in a VP JWT a holder key signed
  // over a nonce and an audience; the baseline is the core row above, the bare permit.
  const vps = await presentations(jwts.slice(0, 100), at);
  const presentation = await measure('verify a wallet presentation: Saiga core, the VP (signature, nonce, audience, time) + the permit in it, full', 3000, async (i) => {
    const result = await nodeCore.verifyInput({ presentation: vps[i % vps.length]!, expected: BENCH_PRESENTATION }, { now: at });
    if (!result.verified) throw new Error(`presentation not verified: ${JSON.stringify(result.checks.filter((c) => !c.ok))}`);
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

  progress('Status lists…');
  const checkStatus = createStatusChecker({ fetch: saiga.ownFetch, signed: statusContext(documents) });
  const entries = jwts.slice(0, 200).map((jwt) => {
    const read = readStatusEntries(JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).vc);
    if (!read.ok) throw new Error(read.reason);
    return read.entries;
  });
  const self = saiga.verifier.trustedIssuers[0]!;
  await checkStatus(entries[0]!, self, at);
  const statusCheck = await measure('status check, cached list (both bits of one permit)', 20000, async (i) => {
    const outcome = await checkStatus(entries[i % entries.length]!, self, at);
    if (!outcome.ok || outcome.revoked) throw new Error('status');
  });
  const target = (await saiga.permits.list({ limit: 1, offset: 0 })).items[0]!.permitNumber;
  const republish = await measure('republish a 131,072-entry list (set a bit, GZIP, sign, commit)', 200, async (i) => {
    const outcome = await saiga.lifecycle.change(target, { action: i % 2 === 0 ? 'suspend' : 'reinstate', actor: 'bench' });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  });
  const onePercent = newBitstring();
  let seed = 7;
  for (let set = 0; set < MIN_STATUS_LIST_LENGTH / 100; ) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const index = seed % MIN_STATUS_LIST_LENGTH;
    if (!getBit(onePercent, index)) {
      setBit(onePercent, index, true);
      set += 1;
    }
  }
  const encodedOnePercent = encodeBitstring(onePercent);
  const listJwt = await saiga.veramo.createVerifiableCredential({
    credential: buildStatusListCredential({ url: `${saiga.config.saiga.url}/status/revocation/1`, issuerDid: saiga.identity.did, purpose: 'revocation', bits: onePercent, now: at }) as never,
    proofFormat: 'jwt',
  });
  const sizes = {
    encodedListEmpty: encodeBitstring(newBitstring()).length,
    encodedListOnePercent: encodedOnePercent.length,
    listCredentialOnePercentBytes: (listJwt.proof as { jwt: string }).jwt.length,
  };

  await saiga.close();
  rmSync(dir, { recursive: true, force: true });

  progress('QR codes of the example permits…');
  const qrRows = await exampleQrVersions();
  progress('Camera to verdict in headless Chromium…');
  const camera = await cameraToVerdict(7, progress);
  progress('The console in headless Chromium…');
  const consoleSize = consoleBundle();
  const consoleTime = await consoleTimings(5, progress);
  progress('Everyday commands, whole processes…');
  const commands = await commandTimings(7, progress);
  progress('Exchange: the DIDComm envelope…');
  const envelope = await envelopeTimings(progress, 300);
  const exchange = await exchangeBench({ latencyCount: 200, drainCount: 10_000 }, progress);
  // Issue 10: the annual report of a million permits (SAIGA_BENCH_REPORT_PERMITS to run it smaller).
  const annualReport = await annualReportBench(progress);
  const page = JSON.parse(readFileSync('verifier-web/dist/build.json', 'utf8')) as { sizes: Record<string, { bytes: number; gzip: number }> };

  const rows = [issuance, sequential, core, coreWebCrypto, sameChecks, veramo, presentation, floor, statusCheck, republish];
  const report = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    results: rows,
    ratios: {
      verifyVsVeramo: core.perSecond / veramo.perSecond,
      sameChecksVsVeramo: sameChecks.perSecond / veramo.perSecond,
      verifyWebCryptoVsVeramo: coreWebCrypto.perSecond / veramo.perSecond,
      verifyVsRawEd25519: core.perSecond / floor.perSecond,
      presentationVsPermit: presentation.perSecond / core.perSecond,
    },
    sizes,
    qr: qrRows,
    verifierPage: page.sizes,
    cameraToVerdict: camera,
    console: { bundle: consoleSize, timings: consoleTime, targets: { bundleGzipKiB: 150 } },
    commands,
    envelope,
    exchange,
    annualReport,
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
    `Verification, the checks Veramo makes (and the permit rules): ${report.ratios.sameChecksVsVeramo.toFixed(1)}× Veramo's verifyCredential (target ≥ 10×).`,
    `Full verification, with status lists and the permit record, which Veramo does not check: ${report.ratios.verifyVsVeramo.toFixed(1)}× Veramo; ${(report.ratios.verifyVsRawEd25519 * 100).toFixed(0)}% of a raw Ed25519 check.`,
    `  With the browser's WebCrypto suite: ${report.ratios.verifyWebCryptoVsVeramo.toFixed(1)}× Veramo.`,
    `A wallet's presentation (the VP checks and the permit in it): ${presentation.perSecond.toFixed(0)}/s, ${(report.ratios.presentationVsPermit * 100).toFixed(0)}% of the bare permit's rate in the same run.`,
    `Issuance: ${issuance.perSecond.toFixed(0)} durable permits/s with ${CONCURRENCY} in flight (target ≥ 100), ${sequential.perSecond.toFixed(0)}/s one at a time.`,
    '',
    '| example permit (at its own authority) | lines | JWT chars | QR version of the raw JWT (M) | QR version of the verifier link (M) |',
    '|---|---:|---:|---:|---:|',
    ...qrRows.map((r) => `| ${r.example} | ${r.lines} | ${r.jwtChars} | ${r.rawVersion ?? '> 40'} | ${r.linkVersion} (${r.kind}) |`),
    '',
    `Verifier page: JavaScript ${(page.sizes.script!.gzip / 1024).toFixed(1)} KiB gzipped to open a link (${(page.sizes.allScripts!.gzip / 1024).toFixed(1)} KiB with the QR decoder), wasm ${(page.sizes.wasm!.gzip / 1024).toFixed(1)} KiB gzipped.`,
    'skipped' in camera
      ? `Camera to verdict: skipped (${camera.skipped}).`
      : `Camera to verdict in headless Chromium (QR version ${camera.qrVersion}, ${camera.samplesMs.length} runs): from the click on "Scan with camera" to the verdict on screen, as the page times it (its click handler's first mark to the verdict's), median ${camera.medianParts.inPage.toFixed(0)} ms (${camera.parts.map((p) => p.inPage.toFixed(0)).join(', ')}); with the test driver's click and its wait for the verdict, median ${camera.medianMs.toFixed(0)} ms (${camera.samplesMs.map((m) => m.toFixed(0)).join(', ')}). Median parts: camera start ${camera.medianParts.cameraStart.toFixed(0)} ms, first successful decode ${camera.medianParts.firstDecode.toFixed(0)} ms, verification ${camera.medianParts.verification.toFixed(0)} ms (reading the code ${camera.medianParts.beforeFetches.toFixed(0)}, the network fetches ${camera.medianParts.network.toFixed(0)}, after them ${camera.medianParts.afterFetches.toFixed(0)}).`,
    'skipped' in consoleSize
      ? `Console bundle: skipped (${consoleSize.skipped}).`
      : `Console: JavaScript ${consoleSize.totalGzipKiB} KiB gzipped in all (${consoleSize.files} files; target ≤ 150 KiB), ${consoleSize.entryGzipKiB} KiB for the sign-in screen.`,
    'skipped' in consoleTime
      ? `Console timings: skipped (${consoleTime.skipped}).`
      : `Console in headless Chromium (${consoleTime.samplesMs.length} runs, medians): "Sign in" to the dashboard with its figures ${consoleTime.signInToDashboardMs.toFixed(0)} ms (${consoleTime.samplesMs.map((m) => m.toFixed(0)).join(', ')}); "Issue" to the issued permit's page ${consoleTime.issueToPermitMs === null ? 'not measured (the form has no "start from" control)' : `${consoleTime.issueToPermitMs.toFixed(0)} ms (${consoleTime.issueSamplesMs.map((m) => m.toFixed(0)).join(', ')})`}; baseline: one GET /api/session from the same page ${consoleTime.sessionRoundTripMs.toFixed(1)} ms.`,
    '',
    `| command (whole process, median of ${commands.rows[0]!.samplesMs.length} runs; npm start of ${commands.rows[3]!.samplesMs.length}) | ms | × node -e 0 |`,
    '|---|---:|---:|',
    `| baseline: node -e 0 | ${commands.nodeBaselineMs.toFixed(0)} | 1.0 |`,
    ...commands.rows.map((r) => `| ${r.name} | ${r.medianMs.toFixed(0)} | ${r.timesNode.toFixed(1)} |`),
    `Targets: read-only commands ≤ ${commands.targets.readOnlyMs} ms, npm start ≤ ${commands.targets.startMs} ms.`,
    '',
    renderEnvelopeTimings(envelope),
    '',
    renderExchangeBench(exchange),
    '',
    renderAnnualReportBench(annualReport),
    '',
    `Status list of 131,072 entries: encodedList ${sizes.encodedListEmpty} characters empty, ${sizes.encodedListOnePercent} with 1 % set; the signed list credential with 1 % set is ${sizes.listCredentialOnePercentBytes} bytes.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
