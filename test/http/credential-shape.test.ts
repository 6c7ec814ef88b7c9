/**
 * The shape of every credential a real agent signs (did:web on loopback, SQLite file): the
 * permit, its status lists, a customs endorsement and the trust list. Each `@context` starts
 * with the VC v1 context and adds the contexts that define its terms; status entries have an
 * `id`; schemas describe the whole credential; each JWT header names the verification method
 * of the agent's DID document that signed it (`kid`).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityProcess, createToken, initAuthority, readExample, runCli, serveAuthority } from '../helpers/agent-process.js';
import { decodePayload } from '../helpers/forge.js';

let lk: AuthorityProcess;
let customsToken: string;
const orchids = readExample('export-lk-orchids.json');

beforeAll(async () => {
  const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
  lk = await serveAuthority(init);
  customsToken = await createToken(lk.config, 'customs', 'Kamal Perera');
});

afterAll(async () => {
  await lk?.stop();
});

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const STATUS_V1 = 'https://www.w3.org/ns/credentials/status/v1';
const headerOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
/** RFC 7638 thumbprint of an Ed25519 JWK: SHA-256 of {"crv","kty","x"} in that order. */
const thumbprint = (jwk: { x: string }) => createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${jwk.x}"}`).digest('base64url');
const text = async (path: string) => {
  const response = await fetch(`${lk.url}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.text()).trim();
};

describe('credential shape', () => {
  it('the DID documents name each key #key- and the first 8 characters of its RFC 7638 thumbprint', async () => {
    for (const path of ['/.well-known/did.json', '/customs/did.json']) {
      const document = (await lk.api(path)).body;
      const [method] = document.verificationMethod;
      expect(method.id).toBe(`${document.id}#key-${thumbprint(method.publicKeyJwk).slice(0, 8)}`);
      expect(document.assertionMethod).toEqual([method.id]);
    }
  });

  it('a permit: contexts, status entries with ids, the whole-credential schema, box 13 as issuance, and its kid', async () => {
    const issued = await lk.api('/api/permits', { token: lk.officerToken, body: orchids });
    expect(issued.status).toBe(201);
    const { jwt } = issued.body;
    const { vc } = decodePayload(jwt);
    expect(vc['@context']).toEqual([VC_V1, STATUS_V1, `${lk.url}/contexts/cites/v1`]);
    expect(vc.credentialSchema).toEqual({ id: `${lk.url}/schemas/cites-permit-credential/v1.json`, type: 'JsonSchema' });
    expect(vc.credentialStatus).toHaveLength(2);
    for (const entry of vc.credentialStatus) {
      expect(Object.keys(entry)).toEqual(['id', 'type', 'statusPurpose', 'statusListIndex', 'statusListCredential']);
      expect(entry.id).toBe(`${entry.statusListCredential}#${entry.statusListIndex}`);
    }
    expect(vc.credentialSubject.issuance).toEqual({ place: 'Battaramulla', signatory: expect.any(String) });
    expect(vc.credentialSubject).not.toHaveProperty('issued');
    const document = (await lk.api('/.well-known/did.json')).body;
    expect(headerOf(jwt)).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: document.verificationMethod[0].id });
    expect((await lk.api('/api/verify', { body: { credential: jwt } })).body.verified).toBe(true);

    // Its status list: the VC and status-list contexts, signed by the same key.
    const listJwt = await text(new URL(vc.credentialStatus[0].statusListCredential).pathname);
    expect(decodePayload(listJwt).vc['@context']).toEqual([VC_V1, STATUS_V1]);
    expect(headerOf(listJwt).kid).toBe(document.verificationMethod[0].id);

    // A customs endorsement: the CITES context, its own schema, the customs DID's key.
    const endorsed = await lk.api(`/api/permits/${issued.body.permitNumber}/endorsements`, {
      token: customsToken,
      body: { blocks: [{ block: 'A', quantity: 10 }], portOfExport: 'LKCMB', date: new Date().toISOString().slice(0, 10), transportDocument: '176-12345675' },
    });
    expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
    const endorsement = decodePayload(endorsed.body.jwt).vc;
    expect(endorsement['@context']).toEqual([VC_V1, `${lk.url}/contexts/cites/v1`]);
    expect(endorsement.credentialSchema).toEqual({ id: `${lk.url}/schemas/cites-endorsement-credential/v1.json`, type: 'JsonSchema' });
    const customs = (await lk.api('/customs/did.json')).body;
    expect(headerOf(endorsed.body.jwt)).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: customs.verificationMethod[0].id });
    expect((await lk.api('/api/verify', { body: { credential: jwt } })).body.verified).toBe(true);
  });

  it('the trust list: the VC and CITES contexts, signed with the trust anchor key it names', async () => {
    const jwt = await text('/trust-list');
    const payload = decodePayload(jwt);
    expect(payload.vc['@context']).toEqual([VC_V1, `${lk.url}/contexts/cites/v1`]);
    expect(headerOf(jwt).kid).toMatch(new RegExp(`^${payload.iss.replace(/[.%]/g, '\\$&')}#key-[A-Za-z0-9_-]{8}$`));
  });

  it('still serves the subject schema version 1, with box 13 as issued, for permits issued before', async () => {
    const schema = (await lk.api('/schemas/cites-permit/v1.json')).body;
    expect(schema.$id).toBe(`${lk.url}/schemas/cites-permit/v1.json`);
    expect(schema.required).toContain('issued');
    expect(Object.keys(schema.properties)).not.toContain('issuance');
  });
});
