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
 *   xsd:double itself (JSON-LD 1.1 API, Object to RDF Conversion), which is right for
 *   quantities of any kind.
 *
 * Immutable once shipped: every verifier's bundled copy, and the golden file
 * test/conformance/fixtures/cites-context-v1.jsonld, must stay byte for byte equal to it.
 * A change is a new version at a new path (`/contexts/cites/v2`), never an edit here.
 * Browser-safe plain data; a leaf module.
 */

/** The namespace of every Saiga CITES term: `…#permitNumber` and so on. Identifiers, not addresses to fetch. */
export const SAIGA_CITES_VOCABULARY = 'https://w3id.org/saiga/cites#';

/**
 * The context document itself, as served at `/contexts/cites/v1` (see
 * CITES_CONTEXT_V1_DOCUMENT). A plain literal, so that what is read here is what is served:
 * a term whose value is text, a number or a nested object maps to its IRI alone; one whose
 * value is a DID or URL has `@type: '@id'` (JSON-LD 1.1 §4.2.3, type coercion); a
 * calendar date is `xsd:date`. Every IRI is written out in full (under SAIGA_CITES_VOCABULARY;
 * a test checks that). Read-only by type; the golden test guards its content.
 */
export const CITES_CONTEXT_V1 = {
  '@context': {
    '@version': 1.1,
    '@protected': true,

    // Credential types (each credential's `type`, after VerifiableCredential).
    CITESPermit: 'https://w3id.org/saiga/cites#CITESPermit',
    CITESExportEndorsement: 'https://w3id.org/saiga/cites#CITESExportEndorsement',
    CITESTrustList: 'https://w3id.org/saiga/cites#CITESTrustList',
    // `credentialSchema.type` (VC JSON Schema), with the IRI the VC 2.0 context gives it: the
    // VC v1 context defines only JsonSchemaValidator2018.
    JsonSchema: 'https://www.w3.org/2018/credentials#JsonSchema',

    // The permit credential, beside credentialSubject.
    permitRecord: { '@id': 'https://w3id.org/saiga/cites#permitRecord', '@type': '@id' },

    // Permit subject: the header part of the form.
    permitNumber: 'https://w3id.org/saiga/cites#permitNumber',
    documentType: 'https://w3id.org/saiga/cites#documentType',
    otherDocumentType: 'https://w3id.org/saiga/cites#otherDocumentType',
    importer: 'https://w3id.org/saiga/cites#importer',
    exporter: 'https://w3id.org/saiga/cites#exporter',
    name: 'https://w3id.org/saiga/cites#name',
    address: 'https://w3id.org/saiga/cites#address',
    country: 'https://w3id.org/saiga/cites#country',
    purpose: 'https://w3id.org/saiga/cites#purpose',
    specialConditions: 'https://w3id.org/saiga/cites#specialConditions',
    securityStampNumber: 'https://w3id.org/saiga/cites#securityStampNumber',
    // `issuer` inside a document reference: the DID of the Management Authority that issued
    // that document, scoped to the two properties that hold one (the VC v1 context claims
    // `issuer` for the credential itself).
    importPermit: { '@id': 'https://w3id.org/saiga/cites#importPermit', '@context': { issuer: { '@id': 'https://w3id.org/saiga/cites#documentIssuer', '@type': '@id' } } },
    replaces: 'https://w3id.org/saiga/cites#replaces',
    reason: 'https://w3id.org/saiga/cites#reason',
    issuance: 'https://w3id.org/saiga/cites#issuance',
    place: 'https://w3id.org/saiga/cites#place',
    signatory: 'https://w3id.org/saiga/cites#signatory',
    date: { '@id': 'https://w3id.org/saiga/cites#date', '@type': 'http://www.w3.org/2001/XMLSchema#date' },

    // Permit subject: one block per specimen line (boxes 7 to 12b).
    specimens: 'https://w3id.org/saiga/cites#specimens',
    block: 'https://w3id.org/saiga/cites#block',
    scientificName: 'https://w3id.org/saiga/cites#scientificName',
    commonName: 'https://w3id.org/saiga/cites#commonName',
    description: 'https://w3id.org/saiga/cites#description',
    term: 'https://w3id.org/saiga/cites#term',
    marks: 'https://w3id.org/saiga/cites#marks',
    appendix: 'https://w3id.org/saiga/cites#appendix',
    source: 'https://w3id.org/saiga/cites#source',
    quantity: 'https://w3id.org/saiga/cites#quantity',
    unit: 'https://w3id.org/saiga/cites#unit',
    quota: 'https://w3id.org/saiga/cites#quota',
    exportedToDate: 'https://w3id.org/saiga/cites#exportedToDate',
    annual: 'https://w3id.org/saiga/cites#annual',
    origin: 'https://w3id.org/saiga/cites#origin',
    lastReExport: 'https://w3id.org/saiga/cites#lastReExport',
    certificateNumber: 'https://w3id.org/saiga/cites#certificateNumber',
    operationNumber: 'https://w3id.org/saiga/cites#operationNumber',
    acquisitionDate: { '@id': 'https://w3id.org/saiga/cites#acquisitionDate', '@type': 'http://www.w3.org/2001/XMLSchema#date' },

    // Export-endorsement subject (boxes 14 and 15).
    permit: { '@id': 'https://w3id.org/saiga/cites#permit', '@type': '@id', '@context': { issuer: { '@id': 'https://w3id.org/saiga/cites#documentIssuer', '@type': '@id' } } },
    blocks: 'https://w3id.org/saiga/cites#blocks',
    portOfExport: 'https://w3id.org/saiga/cites#portOfExport',
    transportDocument: 'https://w3id.org/saiga/cites#transportDocument',
    officer: 'https://w3id.org/saiga/cites#officer',

    // Trust-list subject.
    version: 'https://w3id.org/saiga/cites#version',
    authorities: 'https://w3id.org/saiga/cites#authorities',
    role: 'https://w3id.org/saiga/cites#role',
    dids: { '@id': 'https://w3id.org/saiga/cites#dids', '@type': '@id' },
  },
} as const;

/**
 * The exact bytes every agent serves at `/contexts/cites/v1`, and that the golden file
 * holds. Two-space indented JSON, so that a person reading it sees the terms one per line.
 */
// (`@__PURE__`: a bundle that does not use the document, such as the verifier page, leaves it out.)
export const CITES_CONTEXT_V1_DOCUMENT: string = /* @__PURE__ */ (() => `${JSON.stringify(CITES_CONTEXT_V1, null, 2)}\n`)();
