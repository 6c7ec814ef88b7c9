/**
 * Saiga's CITES import context, version 1: the terms of the import confirmation
 * (`CITESImportConfirmation`) that the CITES context v1 does not define. The CITES context
 * v1 is frozen (its golden file), so the confirmation lists both: CITES v1 for the terms it
 * shares with the export endorsement (`permit`, `blocks`, `block`, `quantity`, `unit`,
 * `date`, `officer`, `country`), then this one. It defines no term of CITES v1 again: that
 * context is `@protected` (JSON-LD 1.1 §4.1.11), and a redefinition would be an error.
 *
 * The same rules as CITES v1 (docs/vocabulary.md): JSON-LD 1.1, protected, no `@vocab`, every
 * IRI under the Saiga CITES namespace, immutable once shipped (golden file
 * test/conformance/fixtures/cites-import-context-v1.jsonld). Browser-safe plain data; a leaf module.
 */

export const CITES_IMPORT_CONTEXT_V1 = {
  '@context': {
    '@version': 1.1,
    '@protected': true,

    // The credential type (after VerifiableCredential).
    CITESImportConfirmation: 'https://w3id.org/saiga/cites#CITESImportConfirmation',

    // Import-confirmation subject, beside the CITES v1 terms it shares with the export endorsement.
    portOfImport: 'https://w3id.org/saiga/cites#portOfImport',
    exceedsPermitted: 'https://w3id.org/saiga/cites#exceedsPermitted',
  },
} as const;

/** The exact bytes every agent serves at `/contexts/cites-import/v1`, and that the golden file holds. */
// (`@__PURE__`: a bundle that does not use the document, such as the verifier page, leaves it out.)
export const CITES_IMPORT_CONTEXT_V1_DOCUMENT: string = /* @__PURE__ */ (() => `${JSON.stringify(CITES_IMPORT_CONTEXT_V1, null, 2)}\n`)();
