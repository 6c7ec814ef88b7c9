/**
 * The preset DEFLATE dictionary of the permit QR code, version 2 (prefix `CP2`): for the
 * split layout of json-split.ts, in which the skeleton of the payload (keys and punctuation,
 * with a marker byte for each value) comes first and the values follow, each after a 0x00.
 *
 * ┌──────────────────────────────────────────────────────────────────────────────────────┐
 * │ FROZEN once a permit is printed with it, like version 1 (dictionary.ts): every byte   │
 * │ is needed to read those codes back. A different dictionary is a new prefix (`CP3`).   │
 * │ test/qr/golden.test.ts pins the SHA-256 of these bytes.                               │
 * └──────────────────────────────────────────────────────────────────────────────────────┘
 *
 * Copies from nearer cost fewer bits, so it runs from the least to the most likely:
 *
 *   1. the standard phrases and the vocabulary of the free-text boxes, as in version 1;
 *   2. the skeletons of the optional parts of a permit (box 5 conditions, box 12, quotas,
 *      a replaced permit, the import permit an Appendix I export relies on, …);
 *   3. the skeleton of a one-line and a two-line permit as Saiga's agent signs it
 *      (src/issuance/credential.ts; Veramo's JWT claims);
 *   4. last, the values of fixed fields, the rarer codes first, then the values of a permit
 *      without optional parts in signing order (contexts, types, the status-list entries, …).
 *      The data begins with its skeleton, but that is copied in a few long runs whatever
 *      their distance, while the values are many short copies: they go nearest (measured:
 *      this order makes the four-line permit 17 bits smaller than the other).
 *
 * Made from the payloads of the example permits as a real agent signs them
 * (scripts/qr-issue-examples.mjs; scripts/qr-inspect.mjs shows what each byte costs). It
 * holds no names, addresses or numbers of the examples' parties. Browser-safe.
 */
import { PHRASES, VOCABULARY } from './dictionary.js';

/** The skeleton markers of json-split.ts: a string value, a number, the end of a value. */
const S = '\u0001';
const N = '\u0002';
const END = '\u0000';

/** 2. Skeletons of the optional parts, with the key before and after them. */
const OPTIONAL_SKELETONS = [
  `,"otherDocumentType":${S}`,
  `,"lastReExport":{"country":${S},"certificateNumber":${S},"date":${S}}`,
  `,"quota":{"exportedToDate":${N},"annual":${N},"unit":${S}}`,
  `,"replaces":{"permitNumber":${S},"reason":${S}}`,
  `,"operationNumber":${S}`,
  `,"acquisitionDate":${S}`,
  `,"marks":${S}`,
  `,"securityStampNumber":${S}`,
  `}],"importPermit":{"permitNumber":${S},"issuer":${S}},"issued":{"place":${S},"signatory":${S}}}`,
  `,"unit":${S},"origin":{"country":${S},"permitNumber":${S},"date":${S}}},{"block":${S},"scientificName":${S}`,
  `,"specialConditions":[${S}],"purpose":${S},"specimens":[{"block":${S},"scientificName":${S}`,
];

/** 4. Values of fixed fields: the rarer codes, then a plain permit's values in signing order. */
const VALUES = [
  'SKI', 'SPE', 'WPR', 'MUS', 'TRO', 'DPL', 'CAV', 'KGM', 'MLT', 'GRM', 'III', 'I', 'C', 'R', 'D', 'S', 'P', 'Z', 'E',
  'import', 're-export', 'other', 'Pre-Convention certificate', 'lost', '2026-', '19',
  '18', 'https://cites./records/', 'https://www.w3.org/2018/credentials/v1', 'VerifiableCredential', 'CITESPermit',
  '26-E000', 'export', 'CH', 'T', 'A', 'LIV', 'II', 'W', 'NAR', 'B',
  'https://cites./schemas/cites-permit/v1.json', 'JsonSchema',
  'BitstringStatusListEntry', 'revocation', '', 'https://cites./status/revocation/1',
  'BitstringStatusListEntry', 'suspension', '', 'https://cites./status/suspension/1',
  'urn:uuid:', '17', 'did:web:cites.',
].join(END);

/** The specimen block of the skeleton, without its opening brace. */
const BLOCK = `"block":${S},"scientificName":${S},"commonName":${S},"description":${S},"term":${S},"appendix":${S},"source":${S},"quantity":${N},"unit":${S}}`;

/** 3. The skeleton of a permit payload without optional parts, in signing order. */
const SKELETON = [
  `{"exp":${N},"vc":{"permitRecord":${S},"@context":[${S}],"type":[${S},${S}],"credentialSubject":{"permitNumber":${S},"documentType":${S},`,
  `"importer":{"name":${S},"address":${S},"country":${S}},"exporter":{"name":${S},"address":${S},"country":${S}},"purpose":${S},`,
  `"specimens":[{${BLOCK},{${BLOCK}],"issued":{"place":${S},"signatory":${S}}},`,
  `"credentialSchema":{"id":${S},"type":${S}},"credentialStatus":[`,
  `{"type":${S},"statusPurpose":${S},"statusListIndex":${S},"statusListCredential":${S}},`,
  `{"type":${S},"statusPurpose":${S},"statusListIndex":${S},"statusListCredential":${S}}]},`,
  `"jti":${S},"nbf":${N},"iss":${S}}`,
];

/** The dictionary text (UTF-8 on the wire; it is ASCII and the three marker bytes). */
export const DICTIONARY_V2_TEXT: string = [...PHRASES, ...VOCABULARY, ...OPTIONAL_SKELETONS, ...SKELETON, END, VALUES, END].join('');

/** The dictionary bytes, as given to DEFLATE and INFLATE. */
export const DICTIONARY_V2: Uint8Array = new TextEncoder().encode(DICTIONARY_V2_TEXT);
