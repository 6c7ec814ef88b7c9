/**
 * The preset DEFLATE dictionary of the permit QR code, version 3 (prefix `CP3`): for the split
 * layout of json-split.ts, like version 2, and the credential shape with contexts, status-entry
 * ids, the whole-credential schema and box 13 as `issuance` (src/issuance/credential.ts), in
 * which the issuing agent's URL is the byte 0x03 and the credential's UUID 0x04 (macros-v3.ts).
 *
 * ┌──────────────────────────────────────────────────────────────────────────────────────┐
 * │ FROZEN once a permit is printed with it, like versions 1 and 2: every byte is needed  │
 * │ to read those codes back. A different dictionary is a new prefix (`CP4`).             │
 * │ test/qr/golden.test.ts pins the SHA-256 of these bytes.                               │
 * └──────────────────────────────────────────────────────────────────────────────────────┘
 *
 * The same order as version 2, from the least to the most likely (copies from nearer cost
 * fewer bits): standard phrases and free-text vocabulary (dictionary.ts), skeletons of the
 * optional parts, the skeleton of a permit without them, then the values of fixed fields, a
 * plain permit's values last, in signing order.
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
/** The agent URL as CP3 carries it (agent-url-v3.ts). */
const A = '\u0003';
/** The credential's UUID as CP3 carries it. */
const U = '\u0004';

/** Skeletons of the optional parts, with the key before and after them. */
const OPTIONAL_SKELETONS = [
  `,"otherDocumentType":${S}`,
  `,"lastReExport":{"country":${S},"certificateNumber":${S},"date":${S}}`,
  `,"quota":{"exportedToDate":${N},"annual":${N},"unit":${S}}`,
  `,"replaces":{"permitNumber":${S},"reason":${S}}`,
  `,"operationNumber":${S}`,
  `,"acquisitionDate":${S}`,
  `,"marks":${S}`,
  `,"securityStampNumber":${S}`,
  `}],"importPermit":{"permitNumber":${S},"issuer":${S}},"issuance":{"place":${S},"signatory":${S}}}`,
  `,"unit":${S},"origin":{"country":${S},"permitNumber":${S},"date":${S}}},{"block":${S},"scientificName":${S}`,
  `,"specialConditions":[${S}],"purpose":${S},"specimens":[{"block":${S},"scientificName":${S}`,
];

/** Values of fixed fields: the rarer codes, then a plain permit's values in signing order. */
const VALUES = [
  'SKI', 'SPE', 'WPR', 'MUS', 'TRO', 'DPL', 'CAV', 'KGM', 'MLT', 'GRM', 'III', 'I', 'C', 'R', 'D', 'S', 'P', 'Z', 'E',
  'import', 're-export', 'other', 'Pre-Convention certificate', 'lost', '2026-', '19',
  '18', `${A}/records/${U}`,
  'https://www.w3.org/2018/credentials/v1', 'https://www.w3.org/ns/credentials/status/v1', `${A}/contexts/cites/v1`,
  'VerifiableCredential', 'CITESPermit',
  '26-E000', 'export', 'CH', 'T', 'A', 'LIV', 'II', 'W', 'NAR', 'B',
  `${A}/schemas/cites-permit-credential/v1.json`, 'JsonSchema',
  `${A}/status/revocation/1#`, 'BitstringStatusListEntry', 'revocation', '', `${A}/status/revocation/1`,
  `${A}/status/suspension/1#`, 'BitstringStatusListEntry', 'suspension', '', `${A}/status/suspension/1`,
  `urn:uuid:${U}`, '17', 'did:web:cites.',
].join(END);

/** The specimen block of the skeleton, without its opening brace. */
const BLOCK = `"block":${S},"scientificName":${S},"commonName":${S},"description":${S},"term":${S},"appendix":${S},"source":${S},"quantity":${N},"unit":${S}}`;
/** A BitstringStatusListEntry (src/status/list-credential.ts). */
const STATUS_ENTRY = `{"id":${S},"type":${S},"statusPurpose":${S},"statusListIndex":${S},"statusListCredential":${S}}`;

/** The skeleton of a permit payload without optional parts, in signing order. */
const SKELETON = [
  `{"exp":${N},"vc":{"permitRecord":${S},"@context":[${S},${S},${S}],"type":[${S},${S}],"credentialSubject":{"permitNumber":${S},"documentType":${S},`,
  `"importer":{"name":${S},"address":${S},"country":${S}},"exporter":{"name":${S},"address":${S},"country":${S}},"purpose":${S},`,
  `"specimens":[{${BLOCK},{${BLOCK}],"issuance":{"place":${S},"signatory":${S}}},`,
  `"credentialSchema":{"id":${S},"type":${S}},"credentialStatus":[`,
  `${STATUS_ENTRY},${STATUS_ENTRY}]},`,
  `"jti":${S},"nbf":${N},"iss":${S}}`,
];

/** The dictionary text (UTF-8 on the wire; it is ASCII and the three marker bytes). */
export const DICTIONARY_V3_TEXT: string = [...PHRASES, ...VOCABULARY, ...OPTIONAL_SKELETONS, ...SKELETON, END, VALUES, END].join('');

/** The dictionary bytes, as given to DEFLATE and INFLATE. */
export const DICTIONARY_V3: Uint8Array = new TextEncoder().encode(DICTIONARY_V3_TEXT);
