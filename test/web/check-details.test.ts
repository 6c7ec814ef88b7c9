/**
 * The checks' details in the page's language, built from the structured verification
 * result, not from the core's English messages (defect 14); and the fetches the page may
 * make ahead of the core (prefetch.ts, network.ts), against a real loopback HTTP server.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { VERIFY_CODES } from '../../src/codes.js';
import type { VerificationCheck, VerificationResult } from '../../src/verify/index.js';
import { checkDetail } from '../../verifier-web/src/check-details.js';
import { createNetwork, PREFETCH_TTL_MS } from '../../verifier-web/src/network.js';
import { prefetchUrls } from '../../verifier-web/src/prefetch.js';
import { segmentsText } from '../../verifier-web/src/segments.js';
import { ISSUER, PERMIT, trustedCustoms, trustedMa } from '../verify/helpers.js';

const NOW = Date.UTC(2026, 2, 1, 12);
const ok = (check: VerificationCheck['check'], message = 'English detail from the core.'): VerificationCheck => ({ check, ok: true, code: 'OK', message });
const fail = (check: VerificationCheck['check'], code: keyof typeof VERIFY_CODES, detail?: string): VerificationCheck => ({
  check,
  ok: false,
  code,
  message: detail ? `${VERIFY_CODES[code]} ${detail}` : VERIFY_CODES[code],
});

const RESULT: Pick<VerificationResult, 'issuer' | 'credential' | 'status' | 'blocks' | 'endorsement' | 'ruleErrors' | 'ruleWarnings'> = {
  issuer: trustedMa('did:web:lk.example.org', 'Department of Wildlife Conservation', 'LK'),
  credential: { issuer: 'did:web:lk.example.org', types: ['VerifiableCredential', 'CITESPermitCredential'], validFrom: '2026-02-15T09:30:00.000Z', validUntil: '2026-08-14T23:59:59.000Z' },
  status: { revoked: false, suspended: false, checkedAt: new Date(NOW - 5 * 60_000).toISOString() },
  blocks: [{ block: 'A', scientificName: 'Elephas maximus', permitted: { quantity: 40, unit: 'MLT' }, exported: null }],
  ruleErrors: [],
  ruleWarnings: [],
};

const text = (c: VerificationCheck, lang: 'en' | 'fr' | 'es', r = RESULT) => {
  const d = checkDetail(c, r, lang, NOW);
  return { text: segmentsText(d.text), english: d.english };
};

describe('check details', () => {
  it('every passed check is described in French and Spanish from the result, never with the core message', () => {
    const checks = (['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'permit', 'status', 'endorsement'] as const).map((c) => ok(c));
    expect(checks.map((c) => text(c, 'fr'))).toEqual([
      { text: 'C’est un permis CITES signé (justificatif VC-JWT).', english: undefined },
      { text: 'La méthode de signature figure sur la liste des méthodes acceptées.', english: undefined },
      { text: 'Department of Wildlife Conservation (Sri Lanka) est un organe de gestion de confiance (did:web:lk.example.org).', english: undefined },
      { text: 'Les clés publiques de did:web:lk.example.org ont été obtenues.', english: undefined },
      { text: 'Signé par Department of Wildlife Conservation (Sri Lanka).', english: undefined },
      { text: 'Valable du 15 février 2026 au 14 août 2026.', english: undefined },
      { text: 'Le permis respecte les règles des permis CITES.', english: undefined },
      { text: 'Ni annulé ni suspendu (listes de statut lues il y a 5\u00a0min).', english: undefined },
      { text: 'Pas encore visé à l’exportation par la douane.', english: undefined },
    ]);
    expect(text(ok('status'), 'es').text).toBe('Ni anulado ni suspendido (listas de estado leídas hace 5\u00a0min).');
    expect(text(ok('validity'), 'en').text).toBe('Valid from February 15, 2026 until August 14, 2026.');
  });

  it('an endorsed permit: date, port and authority in the language of the page', () => {
    const endorsed = { ...RESULT, endorsement: { endorsedBy: trustedCustoms('did:key:z6Mk').did, authority: 'Sri Lanka Customs', date: '2026-03-01', portOfExport: 'LKCMB', transportDocument: '176-1', officer: 'K. Perera' } };
    expect(text(ok('endorsement'), 'es', endorsed).text).toBe('Refrendado para la exportación el 1 de marzo de 2026 en LKCMB por Sri Lanka Customs.');
  });

  it('a failed check: the code message translated, and what the result adds (dates, reason, counts, quantities)', () => {
    expect(text(fail('validity', 'EXPIRED', 'It expired on 2026-08-14T23:59:59.000Z.'), 'fr')).toEqual({ text: 'Le document a expiré. Il a expiré le 14 août 2026.', english: undefined });
    const revoked = { ...RESULT, status: { ...RESULT.status!, revoked: true, reason: 'stolen', replacedBy: 'LK26-E000009' } };
    expect(text(fail('status', 'REVOKED', 'Reason: stolen.'), 'es', revoked).text).toBe('La autoridad emisora ha anulado este permiso. No debe utilizarse. Motivo: declarado robado. Sustituido por el permiso LK26-E000009.');
    const broken = { ...RESULT, ruleErrors: [{ code: 'FIELD_REQUIRED' as const, path: '/purpose', message: 'A required field is missing.' }] };
    expect(text(fail('permit', 'PERMIT_INVALID', '1 rule broken.'), 'fr', broken).text).toBe('Le document est correctement signé, mais il ne respecte pas les règles des permis CITES. Règles non respectées\u00a0: 1.');
    const over = { ...RESULT, blocks: [{ ...RESULT.blocks![0]!, exported: { quantity: 45, unit: 'MLT' } }] };
    expect(text(fail('endorsement', 'QUANTITY_EXCEEDED', 'Block A: 45 exported, 40 allowed.'), 'es', over).text).toBe(
      'Un refrendo de la aduana registra una cantidad mayor que la que autoriza el permiso. Bloque A: 45 MLT exportado, 40 MLT autorizado.',
    );
  });

  it('free text with no structured form stays in English, apart, and only that', () => {
    const down = fail('issuer', 'ISSUER_UNRESOLVABLE', 'Fetching https://lk.example.org/.well-known/did.json failed: fetch failed');
    expect(text(down, 'fr')).toEqual({
      text: 'Les clés publiques de l’autorité émettrice n’ont pas pu être obtenues\u00a0: la signature ne peut pas être vérifiée.',
      english: 'Fetching https://lk.example.org/.well-known/did.json failed: fetch failed',
    });
    expect(text(down, 'en')).toEqual({ text: VERIFY_CODES.ISSUER_UNRESOLVABLE, english: 'Fetching https://lk.example.org/.well-known/did.json failed: fetch failed' });
    expect(text(fail('signature', 'SIGNATURE_INVALID'), 'es')).toEqual({ text: 'La firma no coincide: el documento fue alterado o no lo firmó la autoridad que figura en él.', english: undefined });
  });
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwtOf = (payload: unknown) => `${b64({ alg: 'EdDSA' })}.${b64(payload)}.c2ln`;

describe('prefetch', () => {
  const iss = 'did:web:localhost%3A8443:lk';
  const vc = (origin: string) => ({
    credentialStatus: [
      { statusPurpose: 'revocation', statusListCredential: `${origin}/status/revocation/1` },
      { statusPurpose: 'suspension', statusListCredential: `${origin}/status/suspension/1` },
    ],
    permitRecord: `${origin}/records/6f1c2a8e`,
    credentialSubject: PERMIT,
  });

  it('a trusted did:web Management Authority: its DID document, status lists and record, on its own origin only', () => {
    const trusted = [trustedMa(iss)];
    expect(prefetchUrls(jwtOf({ iss, vc: vc('http://localhost:8443') }), trusted)).toEqual([
      'http://localhost:8443/lk/did.json',
      'http://localhost:8443/status/revocation/1',
      'http://localhost:8443/status/suspension/1',
      'http://localhost:8443/records/6f1c2a8e',
    ]);
    // URLs on another origin are left to the core (which fetches them, or refuses them, itself).
    expect(prefetchUrls(jwtOf({ iss, vc: vc('http://127.0.0.1:9') }), trusted)).toEqual(['http://localhost:8443/lk/did.json']);
  });

  it('nothing for an untrusted issuer, a customs DID, a did:key, or a payload that is not JSON', () => {
    expect(prefetchUrls(jwtOf({ iss, vc: vc('http://localhost:8443') }), [trustedMa('did:web:other.example')])).toEqual([]);
    expect(prefetchUrls(jwtOf({ iss, vc: vc('http://localhost:8443') }), [trustedCustoms(iss)])).toEqual([]);
    expect(prefetchUrls(jwtOf({ iss: ISSUER.didKey, vc: vc('http://localhost:8443') }), [trustedMa(ISSUER.didKey)])).toEqual([]);
    expect(prefetchUrls('a.b!.c', [trustedMa(iss)])).toEqual([]);
    expect(prefetchUrls(`${b64({})}.${Buffer.from('not json').toString('base64url')}.x`, [trustedMa(iss)])).toEqual([]);
  });
});

describe('network prefetch', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it('the next fetch of a prefetched URL takes that response, once; later fetches, and a stale prefetch, go to the server again', async () => {
    let hits = 0;
    server = createServer((_req, res) => {
      hits += 1;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`answer ${hits}`);
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/status/revocation/1`;
    let clock = 1_000;
    const network = createNetwork(fetch, () => clock);
    network.prefetch([url]);
    expect(await (await network.fetch(url)).text()).toBe('answer 1');
    expect(await (await network.fetch(url)).text()).toBe('answer 2');
    network.prefetch([url]);
    while (hits < 3) await new Promise((done) => setTimeout(done, 5));
    clock += PREFETCH_TTL_MS + 1;
    expect(await (await network.fetch(url)).text()).toBe('answer 4');
    expect(hits).toBe(4);
  });

  it('a prefetch that could not reach the server counts as unreachable when the core takes it', async () => {
    const network = createNetwork(fetch);
    const url = 'http://127.0.0.1:9/did.json';
    network.prefetch([url]);
    await expect(network.fetch(url)).rejects.toThrow();
    expect(network.unreachable(url)).toBe(true);
    expect(network.failures()).toBe(1);
  });
});
