/**
 * Every credential a Saiga agent signs is well-formed JSON-LD with the bundled contexts:
 * jsonld.js expands it in safe mode, which fails on any property or type the contexts do
 * not define (instead of silently dropping it), and the loader serves only the three
 * bundled contexts, so nothing is fetched. The JWS (`proof: JwtProof2020`, did-jwt-vc's
 * view of it) is left out: a VC-JWT's proof is the JWT itself (VC Data Model 1.1 §6.3.1),
 * not JSON-LD data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import type { AuthorityProcess } from '../helpers/agent-process.js';
import { SAIGA_CITES_VOCABULARY } from '../../src/vocab/contexts.js';
import { bundledDocumentLoader, decodeCredential, issueCredentials, issueOtherCountriesExamples, withoutProof, type DecodedCredential, type IssuedCredentials } from './helpers.js';

let issued: IssuedCredentials;
let others: { agents: AuthorityProcess[]; examples: Record<string, string> };

beforeAll(async () => {
  [issued, others] = await Promise.all([issueCredentials(), issueOtherCountriesExamples()]);
});

afterAll(async () => {
  await Promise.all([issued?.agent.stop(), ...(others?.agents ?? []).map((a) => a.stop())]);
});

async function expandSafely(credential: DecodedCredential) {
  const loader = bundledDocumentLoader();
  const expanded = await jsonld.expand(credential, { documentLoader: loader.load, safe: true });
  return { expanded, asked: loader.asked };
}

/** Values in the compact form: every string, number and boolean, outside `@context`. */
function compactValues(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + compactValues(v), 0);
  if (value !== null && typeof value === 'object') return Object.entries(value).reduce((n, [k, v]) => n + (k === '@context' ? 0 : compactValues(v)), 0);
  return 1;
}

/** Values in the expanded form: every `@value`, node `@id` and node `@type` (a value's `@type` is its datatype, not data). */
function expandedValues(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + expandedValues(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  const node = value as Record<string, unknown>;
  if ('@value' in node) return 1;
  return Object.entries(node).reduce((n, [k, v]) => {
    if (k === '@id') return n + 1;
    if (k === '@type') return n + (Array.isArray(v) ? v.length : 1);
    return n + expandedValues(v);
  }, 0);
}

/** One IRI-keyed property of the expanded credential's subject. */
const subjectProperty = (expanded: Record<string, any>[], iri: string) => expanded[0]!['https://www.w3.org/2018/credentials#credentialSubject'][0][iri];

describe('jsonld.expand in safe mode with only the bundled contexts', () => {
  const kinds: [string, () => Promise<string>][] = [
    ['permit', async () => issued.permit],
    ['export endorsement', async () => issued.endorsement],
    ['import confirmation', async () => issued.importConfirmation],
    ['revocation status list', () => issued.statusList('revocation')],
    ['suspension status list', () => issued.statusList('suspension')],
    ['trust list', async () => issued.trustList],
  ];

  it.each(kinds)('expands the %s, dropping nothing and fetching nothing', async (_kind, jwt) => {
    const credential = withoutProof(decodeCredential(await jwt()));
    const { expanded, asked } = await expandSafely(credential);
    expect(asked).toEqual(credential['@context']);
    expect(expandedValues(expanded)).toBe(compactValues(credential));
  });

  it('expands every example permit, whatever optional boxes it fills', async () => {
    const examples = { ...issued.examples, ...others.examples };
    expect(Object.keys(examples).sort()).toEqual([
      'export-lk-elephant-samples.json',
      'export-lk-orchids.json',
      'export-no-captive-bred-parrots.json',
      'import-ch-elephant-samples.json',
      'pre-convention-no-guitar.json',
      're-export-ch-watch-straps.json',
    ]);
    for (const jwt of Object.values(examples)) {
      const credential = withoutProof(decodeCredential(jwt));
      const { expanded } = await expandSafely(credential);
      expect(expandedValues(expanded)).toBe(compactValues(credential));
    }
  });

  it('gives the subject the IRIs of the Saiga CITES vocabulary, with box 13 as issuance', async () => {
    const { expanded } = await expandSafely(withoutProof(decodeCredential(issued.permit)));
    const number = decodeCredential(issued.permit).credentialSubject.permitNumber;
    expect(subjectProperty(expanded, `${SAIGA_CITES_VOCABULARY}permitNumber`)).toEqual([{ '@value': number }]);
    expect(subjectProperty(expanded, `${SAIGA_CITES_VOCABULARY}issuance`)[0][`${SAIGA_CITES_VOCABULARY}place`]).toEqual([{ '@value': 'Battaramulla' }]);
    expect(expanded[0]!['@type']).toEqual(['https://www.w3.org/2018/credentials#VerifiableCredential', `${SAIGA_CITES_VOCABULARY}CITESPermit`]);
    expect(expanded[0]![`${SAIGA_CITES_VOCABULARY}permitRecord`]).toEqual([{ '@id': decodeCredential(issued.permit).permitRecord }]);
  });

  it("maps the endorsement's permit issuer to a DID link, not to the VC issuer", async () => {
    const { expanded } = await expandSafely(withoutProof(decodeCredential(issued.endorsement)));
    const permit = subjectProperty(expanded, `${SAIGA_CITES_VOCABULARY}permit`)[0];
    expect(permit[`${SAIGA_CITES_VOCABULARY}documentIssuer`]).toEqual([{ '@id': issued.agent.did }]);
    expect(subjectProperty(expanded, `${SAIGA_CITES_VOCABULARY}date`)[0]['@type']).toBe('http://www.w3.org/2001/XMLSchema#date');
  });

  it("maps the import confirmation's terms to the Saiga vocabulary: its type, port of import and the permit's issuer as a DID link", async () => {
    const { expanded } = await expandSafely(withoutProof(decodeCredential(issued.importConfirmation)));
    expect(expanded[0]!['@type']).toEqual(['https://www.w3.org/2018/credentials#VerifiableCredential', `${SAIGA_CITES_VOCABULARY}CITESImportConfirmation`]);
    expect(subjectProperty(expanded, `${SAIGA_CITES_VOCABULARY}portOfImport`)).toEqual([{ '@value': 'LKCMB' }]);
    expect(subjectProperty(expanded, `${SAIGA_CITES_VOCABULARY}permit`)[0][`${SAIGA_CITES_VOCABULARY}documentIssuer`]).toEqual([{ '@id': 'did:web:cites.blv.admin.ch' }]);
  });

  it('fails on a subject property the contexts do not define', async () => {
    const credential = withoutProof(decodeCredential(issued.permit));
    credential.credentialSubject.specimens[0].colour = 'green';
    await expect(expandSafely(credential)).rejects.toMatchObject({
      message: 'Safe mode validation error.',
      details: { event: { code: 'invalid property', details: { property: 'colour' } } },
    });
  });

  it('fails on box 13 under the name `issued`, which the VC v1 context keeps for itself', async () => {
    const credential = withoutProof(decodeCredential(issued.permit));
    const { issuance, ...subject } = credential.credentialSubject;
    credential.credentialSubject = { ...subject, issued: issuance };
    await expect(expandSafely(credential)).rejects.toMatchObject({ details: { event: { code: 'invalid property', details: { property: 'issued' } } } });
  });

  it('never fetches a context that is not bundled', async () => {
    const credential = withoutProof(decodeCredential(issued.trustList));
    credential['@context'] = [...credential['@context'], 'https://example.org/contexts/other'];
    await expect(expandSafely(credential)).rejects.toMatchObject({ message: expect.stringMatching(/^Dereferencing a URL did not result in a valid JSON-LD object/) });
  });
});
