/**
 * The issuance hook (src/issuance/import-permit-check.ts) mapping the core's verdict on a held
 * import permit to its own RULE code, with pinned time: the real core verifier against the
 * stub issuer world of test/verify/helpers.ts, and the held row as the store returns it. The
 * cases real agents cannot stage (a permit expired at the moment of issuance, an unreachable
 * status list, a tampered stored JWT) are here; test/linked/cross-permit.test.ts has the rest.
 */
import { describe, expect, it } from 'vitest';
import { RULE_CODES } from '../../src/codes.js';
import { createImportPermitCheck } from '../../src/issuance/import-permit-check.js';
import type { PermitRequest } from '../../src/permit/model.js';
import type { HeldPermit } from '../../src/store/held-permits.js';
import { resolveDidKey } from '../../src/verify/did-key.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import { b64json, ISSUER, issuerWorld, listUrl, NBF, NOW, OTHER, permitPayload, sign, stubResolver, SUBJECT, trustedMa } from '../verify/helpers.js';

const CH = OTHER;
const NUMBER = 'CH26-I000001';
const IMPORT_SUBJECT = {
  documentType: 'import',
  permitNumber: NUMBER,
  importer: SUBJECT.importer,
  exporter: SUBJECT.exporter,
  purpose: 'S',
  specimens: [{ ...SUBJECT.specimens[0]! }],
  issuance: { place: 'Bern', signatory: 'A. MÜLLER' },
};
const REQUEST = {
  documentType: 'export',
  importer: SUBJECT.importer,
  exporter: SUBJECT.exporter,
  purpose: 'S',
  specimens: SUBJECT.specimens.map(({ block: _block, ...s }) => s),
  importPermit: { permitNumber: NUMBER, issuer: CH.didKey, country: 'CH' },
} as unknown as PermitRequest;

async function check(options: { jwt?: string; status?: HeldPermit['status']; at?: Date; prepare?: (w: ReturnType<typeof issuerWorld>) => void; request?: PermitRequest } = {}) {
  const world = issuerWorld([ISSUER, CH].map((s) => ({ did: s.didKey, key: s.privateJwk })));
  options.prepare?.(world);
  const verifier = createPermitVerifier({
    resolveDid: stubResolver(Object.fromEntries([ISSUER, CH].map((s) => [s.didKey, resolveDidKey(s.didKey).didDocument!]))),
    trustedIssuers: [trustedMa(ISSUER.didKey), trustedMa(CH.didKey, 'Federal Food Safety and Veterinary Office', 'CH')],
    fetch: world.fetch,
  });
  const jwt = options.jwt ?? (await sign(permitPayload(CH.didKey, IMPORT_SUBJECT), CH.privateJwk));
  const row: HeldPermit = {
    credentialId: 'urn:uuid:x',
    issuerDid: CH.didKey,
    permitNumber: NUMBER,
    documentType: 'import',
    exporterCountry: 'LK',
    importerCountry: 'CH',
    relation: 'import-permit',
    jwt,
    subject: IMPORT_SUBJECT as never,
    status: options.status ?? 'valid',
    statusNotifiedAt: options.status ? '2026-02-20T08:00:00.000Z' : null,
    endorsement: undefined,
  };
  const hook = createImportPermitCheck({ held: { find: async () => [row] }, verify: (j) => verifier.verify(j, { now: options.at ?? NOW }) });
  const request = options.request ?? REQUEST;
  return (await hook(request.importPermit!, request)).map((e) => [e.code, e.path]);
}

describe('the held import permit at issuance', () => {
  it('a genuine one that fits: no finding', async () => {
    expect(await check()).toEqual([]);
  });

  it.each([
    ['expired at the moment of issuance', { at: new Date(Date.UTC(2026, 8, 1)) }, 'IMPORT_PERMIT_EXPIRED', '/importPermit'],
    ['suspended, per its status list', { prepare: (w: ReturnType<typeof issuerWorld>) => w.suspend(CH.didKey) }, 'IMPORT_PERMIT_SUSPENDED', '/importPermit'],
    ['suspended, as the importing authority notified', { status: 'suspended' as const }, 'IMPORT_PERMIT_SUSPENDED', '/importPermit'],
    ['whose status list cannot be read', { prepare: (w: ReturnType<typeof issuerWorld>) => w.serve(listUrl(CH.didKey, 'revocation'), () => new Response('down', { status: 503 })) }, 'IMPORT_PERMIT_STATUS_UNAVAILABLE', '/importPermit'],
  ])('refuses an import permit %s', async (_name, options, code, path) => {
    expect(await check(options)).toEqual([[code, path]]);
  });

  it('refuses a stored JWT altered after signing (IMPORT_PERMIT_UNVERIFIED), with the verifier\'s reason', async () => {
    const [h, , s] = (await sign(permitPayload(CH.didKey, IMPORT_SUBJECT), CH.privateJwk)).split('.');
    const altered = `${h}.${b64json(permitPayload(CH.didKey, { ...IMPORT_SUBJECT, specimens: [{ ...IMPORT_SUBJECT.specimens[0]!, quantity: 4000 }] }))}.${s}`;
    expect(await check({ jwt: altered })).toEqual([['IMPORT_PERMIT_UNVERIFIED', '/importPermit']]);
  });

  it('refuses an export from another country than the import permit was granted for (IMPORT_PERMIT_EXPORTER_MISMATCH)', async () => {
    const request = structuredClone(REQUEST);
    request.exporter.country = 'IN';
    expect(await check({ request })).toEqual([['IMPORT_PERMIT_EXPORTER_MISMATCH', '/exporter/country']]);
  });

  it('says in the message which import permit, and why', async () => {
    const world = issuerWorld([CH].map((c) => ({ did: c.didKey, key: c.privateJwk })));
    const verifier = createPermitVerifier({
      resolveDid: stubResolver({ [CH.didKey]: resolveDidKey(CH.didKey).didDocument! }),
      trustedIssuers: [trustedMa(CH.didKey, 'Federal Food Safety and Veterinary Office', 'CH')],
      fetch: world.fetch,
    });
    const jwt = await sign(permitPayload(CH.didKey, IMPORT_SUBJECT), CH.privateJwk);
    const row = { permitNumber: NUMBER, jwt, status: 'valid', statusNotifiedAt: null } as HeldPermit;
    const hook = createImportPermitCheck({ held: { find: async () => [row] }, verify: (j) => verifier.verify(j, { now: new Date(Date.UTC(2026, 8, 1)) }) });
    const [finding] = await hook(REQUEST.importPermit!, REQUEST);
    expect(finding!.message).toBe(`${RULE_CODES.IMPORT_PERMIT_EXPIRED} (import permit ${NUMBER}: The document has expired. It expired on 2026-08-14T23:59:59.000Z.)`);
    expect(NBF).toBeLessThan(Date.UTC(2026, 8, 1) / 1000);
  });
});
