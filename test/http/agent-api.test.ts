/**
 * The agent's HTTP API against a real agent process (did:web on loopback, SQLite file).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editConfig, initAuthority, readExample, runCli, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { changePayloadByte, decodePayload, hmacSigned, signWithUnknownDidKey, unsecured } from '../helpers/forge.js';

let lk: AuthorityProcess;
let customsToken: string;
let adminToken: string;
const orchids = readExample('export-lk-orchids.json');
const CH_DID = 'did:web:localhost%3A1';

beforeAll(async () => {
  // The elephant export names a CH import permit: its authority must be a trusted peer (Art. III(2)(d)).
  const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla', peers: [{ did: CH_DID, country: 'CH', name: 'CITES Management Authority of Switzerland' }] });
  // CH_DID does not run, so its import permit cannot reach LK: the export names it only (test/linked/ checks held ones).
  editConfig(init.config, (saiga) => (saiga.issuance = { requireHeldImportPermit: false }));
  lk = await serveAuthority(init);
  const customs = await runCli(['token', 'create', '--config', lk.config, '--role', 'customs', '--name', 'Nadeesha Silva', '--json']);
  customsToken = JSON.parse(customs.stdout).token;
  const admin = await runCli(['token', 'create', '--config', lk.config, '--role', 'admin', '--name', 'Admin', '--json']);
  adminToken = JSON.parse(admin.stdout).token;
});

afterAll(async () => {
  await lk?.stop();
});

const issue = (body: unknown, token = lk.officerToken) => lk.api('/api/permits', { token, body });
const verify = (credential: string, at?: string) => lk.api('/api/verify', { body: at ? { credential, at } : { credential } });
const codes = (result: { checks: { code: string }[] }) => result.checks.map((c) => c.code);

describe('issuing and verifying over HTTP', () => {
  it('issues the LK examples and verifies each one', async () => {
    for (const name of ['export-lk-orchids.json', 'export-lk-elephant-samples.json']) {
      const request = readExample(name);
      if (name.includes('elephant')) request.importPermit = { permitNumber: 'CH26-I000001', issuer: CH_DID, country: 'CH' };
      const issued = await issue(request);
      expect(issued.status).toBe(201);
      expect(issued.body.permitNumber).toMatch(/^LK\d{2}-E\d{6}$/);
      expect(issued.body.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(issued.headers.get('location')).toBe(`/api/permits/${issued.body.permitNumber}`);
      const verdict = await verify(issued.body.jwt);
      expect(verdict.status).toBe(200);
      expect(verdict.body.verified).toBe(true);
      // An export naming an import permit gets the linkedPermits check too (a warning here: nothing is linked).
      const linked = name.includes('elephant') ? ['linkedPermits'] : [];
      expect(verdict.body.checks.map((c: { check: string }) => c.check)).toEqual(['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'permit', 'status', 'endorsement', ...linked]);
      // The import permit named is not linked (LK cannot hold it here): the check passes with that reservation.
      expect(codes(verdict.body)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK', ...(linked.length ? ['LINKED_PERMIT_MISSING'] : [])]);
      expect(verdict.body.state).toBe('valid');
      expect(verdict.body.permit.permitNumber).toBe(issued.body.permitNumber);
    }
  });

  it('puts what the authority adds into the credential: number, box 6, box 13, schema, expiry', async () => {
    const issued = await issue(orchids);
    const payload = decodePayload(issued.body.jwt);
    const subject = payload.vc.credentialSubject;
    expect(payload.iss).toBe(lk.did);
    expect(payload.jti).toBe(issued.body.id);
    expect(payload.vc.type).toEqual(['VerifiableCredential', 'CITESPermit']);
    expect(payload.vc.credentialSchema).toEqual({ id: `${lk.url}/schemas/cites-permit-credential/v1.json`, type: 'JsonSchema' });
    expect(subject.permitNumber).toBe(issued.body.permitNumber);
    // Box 6 is the credential's issuer, box 13's date its issuanceDate (nbf) and box 2 its
    // expirationDate (exp): the subject does not say them again.
    expect(Object.keys(subject)).not.toEqual(expect.arrayContaining(['managementAuthority']));
    expect(Object.keys(subject)).not.toContain('validUntil');
    expect(subject.issuance).toEqual({ place: 'Battaramulla', signatory: 'Test Officer' });
    expect(subject).not.toHaveProperty('issued');
    expect(subject.specimens[0].block).toBe('A');
    // Art. VI(2): an export permit is valid for six months; the JWT expires at the end of that day (UTC).
    const issuedAt = new Date(payload.nbf * 1000);
    const sixMonths = new Date(Date.UTC(issuedAt.getUTCFullYear(), issuedAt.getUTCMonth() + 6, issuedAt.getUTCDate())).toISOString().slice(0, 10);
    expect(payload.exp).toBe(Date.parse(`${sixMonths}T23:59:59Z`) / 1000);
    // The agent keeps the whole permit, box 6 with its address included.
    const stored = (await lk.api(`/api/permits/${issued.body.permitNumber}`, { token: lk.officerToken })).body;
    expect(stored.permit.validUntil).toBe(sixMonths);
    expect(stored.permit.managementAuthority).toEqual({ name: 'Department of Wildlife Conservation', address: 'Battaramulla', country: 'LK', did: lk.did });
    expect(stored.permit.issued.date).toBe(new Date(payload.nbf * 1000).toISOString());
  });

  it('refuses a request that breaks the rules with 422, all errors at once, and uses no number', async () => {
    const before = await issue(orchids);
    const bad = structuredClone(orchids) as any;
    bad.exporter.country = 'CH';
    bad.specimens[0].unit = 'PCS';
    delete bad.purpose;
    const refused = await issue(bad);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PERMIT_INVALID');
    expect(refused.body.error.errors.map((e: { code: string; path: string }) => [e.code, e.path])).toEqual([
      ['FIELD_REQUIRED', '/purpose'],
      ['UNKNOWN_UNIT', '/specimens/0/unit'],
      ['EXPORTER_NOT_DOMESTIC', '/exporter/country'],
      ['SAME_COUNTRY', '/importer/country'],
    ]);
    const after = await issue(orchids);
    const seq = (n: string) => Number(n.slice(-6));
    expect(seq(after.body.permitNumber)).toBe(seq(before.body.permitNumber) + 1);
  });

  it('gives SIGNATURE_INVALID for a byte changed in the payload (1200 plants become 9200)', async () => {
    const issued = await issue(orchids);
    const verdict = await verify(changePayloadByte(issued.body.jwt, '"quantity":1200', '"quantity":9200'));
    expect(verdict.body.verified).toBe(false);
    expect(codes(verdict.body)).toEqual(['OK', 'OK', 'OK', 'OK', 'SIGNATURE_INVALID']);
    expect(verdict.body.permit).toBeUndefined();
  });

  it('gives ISSUER_UNTRUSTED for a credential signed by an unknown did:key', async () => {
    const issued = await issue(orchids);
    const { jwt } = await signWithUnknownDidKey(decodePayload(issued.body.jwt));
    const verdict = await verify(jwt);
    expect(verdict.body.verified).toBe(false);
    expect(codes(verdict.body)).toEqual(['OK', 'OK', 'ISSUER_UNTRUSTED']);
  });

  it('gives ALG_NOT_ALLOWED for alg none and for HS256', async () => {
    const issued = await issue(orchids);
    for (const forged of [unsecured(issued.body.jwt), await hmacSigned(issued.body.jwt)]) {
      const verdict = await verify(forged);
      expect(verdict.body.verified).toBe(false);
      expect(codes(verdict.body)).toEqual(['OK', 'ALG_NOT_ALLOWED']);
    }
  });

  it('gives EXPIRED with the clock pinned after valid-until, and NOT_YET_VALID before issue', async () => {
    const issued = await issue(orchids);
    const validUntil = new Date(decodePayload(issued.body.jwt).exp * 1000).toISOString().slice(0, 10);
    const tolerance = 60_000;
    const justValid = new Date(Date.parse(`${validUntil}T23:59:59Z`) + tolerance).toISOString();
    const expired = new Date(Date.parse(`${validUntil}T23:59:59Z`) + tolerance + 1000).toISOString();
    expect((await verify(issued.body.jwt, justValid)).body.verified).toBe(true);
    const late = await verify(issued.body.jwt, expired);
    expect(codes(late.body)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'EXPIRED', 'OK', 'OK', 'OK']);
    expect(late.body.state).toBe('expired');
    const early = await verify(issued.body.jwt, '2020-01-01T00:00:00Z');
    expect(codes(early.body)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'NOT_YET_VALID', 'OK', 'OK', 'OK']);
  });

  it('gives QR_NOT_A_PERMIT, MALFORMED and NOT_A_PERMIT for things that are not permits', async () => {
    // Text that is no permit form at all is refused as the page refuses it (src/verify/input.ts).
    expect(codes((await verify('not a credential')).body)).toEqual(['QR_NOT_A_PERMIT']);
    expect(codes((await verify('bm90.YSBjcmVkZW50aWFs.c2ln')).body)).toEqual(['MALFORMED']);
    const issued = await issue(orchids);
    const { jwt } = await signWithUnknownDidKey({ ...decodePayload(issued.body.jwt), vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: { name: 'x', managementAuthority: {} } } });
    expect(codes((await verify(jwt)).body)).toEqual(['NOT_A_PERMIT']);
  });
});

describe('tokens and roles', () => {
  it('answers 401 without a token or with a wrong one, 403 for a role that may not issue', async () => {
    const none = await lk.api('/api/permits', { body: orchids });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHORIZED');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await issue(orchids, 'saiga_not-a-real-token');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('UNAUTHORIZED');
    for (const token of [customsToken, adminToken]) {
      const forbidden = await issue(orchids, token);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.code).toBe('FORBIDDEN');
    }
    expect((await lk.api('/api/permits')).status).toBe(401);
    expect((await lk.api('/api/permits', { token: customsToken })).status).toBe(200);
  });
});

describe('reading permits', () => {
  it('reads one permit by number, 404 for an unknown one', async () => {
    const issued = await issue(orchids);
    const one = await lk.api(`/api/permits/${issued.body.permitNumber}`, { token: lk.officerToken });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ permitNumber: issued.body.permitNumber, id: issued.body.id, jwt: issued.body.jwt, documentType: 'export', signatory: 'Test Officer', issuer: lk.did });
    const missing = await lk.api('/api/permits/LK00-E999999', { token: lk.officerToken });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('lists with paging and filters, and refuses bad parameters with their path', async () => {
    const page = await lk.api('/api/permits?limit=2&offset=0', { token: lk.officerToken });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(8);
    const next = await lk.api('/api/permits?limit=2&offset=2', { token: lk.officerToken });
    expect(next.body.items[0].permitNumber).not.toBe(page.body.items[0].permitNumber);
    const elephants = await lk.api('/api/permits?species=elephas%20maximus', { token: lk.officerToken });
    expect(elephants.body.total).toBe(1);
    expect(elephants.body.items[0].permit.specimens[0].scientificName).toBe('Elephas maximus');
    const none = await lk.api('/api/permits?documentType=import', { token: lk.officerToken });
    expect(none.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    const bad = await lk.api('/api/permits?limit=5000', { token: lk.officerToken });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'BAD_REQUEST', path: '/limit' });
    const unknown = await lk.api('/api/permits?colour=red', { token: lk.officerToken });
    expect(unknown.body.error).toMatchObject({ code: 'BAD_REQUEST', path: '/colour' });
  });
});

describe('HTTP hygiene', () => {
  it('answers malformed JSON, wrong content types and oversized bodies with codes, no stack traces', async () => {
    const malformed = await lk.api('/api/permits', { token: lk.officerToken, rawBody: '{"documentType": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' } });
    const text = await lk.api('/api/verify', { rawBody: 'hello', contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await lk.api('/api/permits', { token: lk.officerToken, rawBody: JSON.stringify({ x: 'a'.repeat(300_000) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const nowhere = await lk.api('/nowhere');
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.error.code).toBe('NOT_FOUND');
    const badVerify = await lk.api('/api/verify', { body: { credential: 42 } });
    expect(badVerify.status).toBe(400);
    expect(badVerify.body.error).toMatchObject({ code: 'BAD_REQUEST', path: '/credential' });
  });

  it('serves the DID document, the schema and OpenAPI publicly with CORS', async () => {
    const did = await lk.api('/.well-known/did.json');
    expect(did.status).toBe(200);
    expect(did.headers.get('access-control-allow-origin')).toBe('*');
    expect(did.body.id).toBe(lk.did);
    expect(did.body.verificationMethod[0]).toMatchObject({ type: 'JsonWebKey2020', controller: lk.did, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519' } });
    expect(did.body.assertionMethod).toEqual([did.body.verificationMethod[0].id]);
    const schema = await lk.api('/schemas/cites-permit/v1.json');
    expect(schema.body.$id).toBe(`${lk.url}/schemas/cites-permit/v1.json`);
    expect(schema.headers.get('access-control-allow-origin')).toBe('*');
    const openapi = await lk.api('/api/openapi.json');
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/permits',
        '/api/permits/{number}',
        '/api/permits/{number}/revoke',
        '/api/permits/{number}/suspend',
        '/api/permits/{number}/reinstate',
        '/api/permits/{number}/status',
        '/api/permits/{number}/endorsements',
        '/status/{purpose}/{seq}',
        '/records/{id}',
        '/api/verify',
        '/schemas/cites-permit/v1.json',
        '/.well-known/did.json',
        '/customs/did.json',
      ]),
    );
    const preflight = await fetch(`${lk.url}/api/verify`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
