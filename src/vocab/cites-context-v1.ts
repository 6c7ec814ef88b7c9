/**
 * Saiga's CITES JSON-LD context, version 1: the meaning of every type and property that
 * Saiga's permit, export-endorsement and trust-list credentials use beyond the VC Data
 * Model 1.1 and Bitstring Status List v1.0 contexts. Each term and the form box it carries
 * (Res. Conf. 12.3 (Rev. CoP19) Annex 2) is described in docs/vocabulary.md.
 *
 * - JSON-LD 1.1 (`@version: 1.1`) with `@protected: true` (JSON-LD 1.1 §4.1.11): a later
 *   context cannot silently change what a CITES term means.
 * - Every term is explicit; there is no `@vocab` catch-all, so a property this context
 *   does not define is an error in a safe-mode JSON-LD processor, not a guess.
 * - No term redefines one of the VC v1 context: `issued`, `issuer`, `issuanceDate`, … are
 *   protected there (VC Data Model 1.1 §B.1), and a CITES definition of them would be a
 *   "protected term redefinition" error. That is why the signed subject says `issuance`
 *   for box 13, and why `issuer` inside `importPermit` and an endorsement's `permit` is
 *   defined by those two properties' own scoped contexts.
 * - Numbers carry no datatype coercion: JSON-LD maps a JSON number to xsd:integer or
 *   xsd:double itself (JSON-LD 1.1 API, Object to RDF Conversion), which is right for quantities of any kind.
 *
 * Immutable once shipped: every verifier's bundled copy, and the golden file
 * test/conformance/fixtures/cites-context-v1.jsonld, must stay byte for byte equal to it.
 * A change is a new version at a new path (`/contexts/cites/v2`), never an edit here.
 * Browser-safe plain data; a leaf module.
 */

/** The namespace of every Saiga CITES term: `…#permitNumber` and so on. Identifiers, not addresses to fetch. */
export const SAIGA_CITES_VOCABULARY = 'https://w3id.org/saiga/cites#';

/** VC JSON Schema (2023): the `credentialSchema` type, with the IRI the VC 2.0 context gives it. */
const JSON_SCHEMA_TYPE_IRI = 'https://www.w3.org/2018/credentials#JsonSchema';
const XSD_DATE = 'http://www.w3.org/2001/XMLSchema#date';

type TermDefinition = { '@id': string; '@type'?: string };

/** A term whose value is text, a number or a nested object: its IRI alone. */
const term = (name: string): string => `${SAIGA_CITES_VOCABULARY}${name}`;
/** A term whose value is an IRI: a DID or a URL (JSON-LD 1.1 §4.2.3 type coercion to `@id`). */
const link = (name: string): TermDefinition => ({ '@id': `${SAIGA_CITES_VOCABULARY}${name}`, '@type': '@id' });
/** A term whose value is a calendar date, YYYY-MM-DD. */
const date = (name: string): TermDefinition => ({ '@id': `${SAIGA_CITES_VOCABULARY}${name}`, '@type': XSD_DATE });

/**
 * `issuer` inside a document reference: the DID of the Management Authority that issued
 * that document. Scoped to the two properties that hold one, because the VC v1 context
 * already claims `issuer` for the credential itself.
 */
const DOCUMENT_ISSUER_SCOPE = { issuer: link('documentIssuer') };

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The context document itself, as served at `/contexts/cites/v1` (see CITES_CONTEXT_V1_DOCUMENT). */
export const CITES_CONTEXT_V1 = deepFreeze({
  '@context': {
    '@version': 1.1,
    '@protected': true,

    // Credential types (each credential's `type`, after VerifiableCredential).
    CITESPermit: term('CITESPermit'),
    CITESExportEndorsement: term('CITESExportEndorsement'),
    CITESTrustList: term('CITESTrustList'),
    // `credentialSchema.type`: the VC v1 context defines only JsonSchemaValidator2018.
    JsonSchema: JSON_SCHEMA_TYPE_IRI,

    // The permit credential, beside credentialSubject.
    permitRecord: link('permitRecord'),

    // Permit subject: the header part of the form.
    permitNumber: term('permitNumber'),
    documentType: term('documentType'),
    otherDocumentType: term('otherDocumentType'),
    importer: term('importer'),
    exporter: term('exporter'),
    name: term('name'),
    address: term('address'),
    country: term('country'),
    purpose: term('purpose'),
    specialConditions: term('specialConditions'),
    securityStampNumber: term('securityStampNumber'),
    importPermit: { '@id': term('importPermit'), '@context': DOCUMENT_ISSUER_SCOPE },
    replaces: term('replaces'),
    reason: term('reason'),
    issuance: term('issuance'),
    place: term('place'),
    signatory: term('signatory'),
    date: date('date'),

    // Permit subject: one block per specimen line (boxes 7 to 12b).
    specimens: term('specimens'),
    block: term('block'),
    scientificName: term('scientificName'),
    commonName: term('commonName'),
    description: term('description'),
    term: term('term'),
    marks: term('marks'),
    appendix: term('appendix'),
    source: term('source'),
    quantity: term('quantity'),
    unit: term('unit'),
    quota: term('quota'),
    exportedToDate: term('exportedToDate'),
    annual: term('annual'),
    origin: term('origin'),
    lastReExport: term('lastReExport'),
    certificateNumber: term('certificateNumber'),
    operationNumber: term('operationNumber'),
    acquisitionDate: date('acquisitionDate'),

    // Export-endorsement subject (boxes 14 and 15).
    permit: { ...link('permit'), '@context': DOCUMENT_ISSUER_SCOPE },
    blocks: term('blocks'),
    portOfExport: term('portOfExport'),
    transportDocument: term('transportDocument'),
    officer: term('officer'),

    // Trust-list subject.
    version: term('version'),
    authorities: term('authorities'),
    role: term('role'),
    dids: link('dids'),
  },
} as const);

/**
 * The exact bytes every agent serves at `/contexts/cites/v1`, and that the golden file
 * holds. Two-space indented JSON, so that a person reading it sees the terms one per line.
 */
export const CITES_CONTEXT_V1_DOCUMENT = `${JSON.stringify(CITES_CONTEXT_V1, null, 2)}\n`;
