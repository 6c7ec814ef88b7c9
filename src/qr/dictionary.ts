/**
 * The preset DEFLATE dictionary of the compact permit QR code, version 1 (prefix `CP1`).
 *
 * ┌──────────────────────────────────────────────────────────────────────────────────────┐
 * │ FROZEN. Version 1 must never change once a permit has been printed with it: every    │
 * │ byte below is needed to read those codes back. A different dictionary is a new       │
 * │ format with a new prefix (`CP2`), and verifiers keep version 1 for as long as CP1    │
 * │ permits are valid. test/qr/golden.test.ts pins the SHA-256 of these bytes.           │
 * └──────────────────────────────────────────────────────────────────────────────────────┘
 *
 * DEFLATE (RFC 1951) may copy any string of up to 258 bytes from the 32 KiB before the
 * current position; a preset dictionary is text placed before the data, so that the first
 * occurrence of a JSON key or a constant of a permit costs a short back-reference instead
 * of its letters. Copies from nearer cost fewer bits, so the dictionary is ordered from the
 * least to the most likely:
 *
 *   1. standard phrases of box 5 (special conditions) and of the replacement rule (R1),
 *   2. vocabulary of the free-text boxes: organisations and addresses, descriptions of
 *      specimens, marks, common and scientific names of much-traded CITES species,
 *   3. codes in their fields and the rarer optional parts of a permit,
 *   4. last: the skeleton of a permit VC-JWT payload as Saiga's agent signs it, key by key
 *      in the order they appear (src/issuance/credential.ts, Veramo's JWT claims), with the
 *      most common value in each constant field (export, LIV, II, W, NAR, …).
 *
 * Made from the payloads of the example permits as a real agent signs them
 * (scripts/qr-issue-examples.mjs writes them, scripts/qr-inspect.mjs shows what each byte of
 * a code costs). It holds no names, addresses or numbers of the examples' parties; some of
 * its species and description words also occur in the examples (elephant, grey parrot,
 * alligator, crocodile, orchid, rosewood; blood samples, live birds, watch straps, closed
 * leg rings), being among the most traded, so the examples compress somewhat better than
 * an average permit will.
 *
 * Browser-safe: the verifier page bundles it (4,068 bytes).
 */

/** 1. Standard phrases (Res. Conf. 12.3 wording; the replacement text of src/issuance/credential.ts). */
export const PHRASES = [
  'Valid only if the transport conditions conform to the CITES Guidelines for the non-air transport of live wild animals and plants or, for air transport, to the IATA Live Animals Regulations.',
  ' This permit replaces permit No. ',
  ' (lost), which is cancelled.',
  ' for scientific research; not for commercial use. ',
];

/** 2. Words and phrases of the free-text boxes. */
export const VOCABULARY = [
  // Organisations (boxes 3, 4, 6) and addresses.
  'Department of Wildlife Conservation, Ministry of Environment, Forestry and Natural Resources, National Parks, Federal Office, Agency, Service, Management Authority, Veterinary, ',
  'Institute of , University of , Museum of Natural History, Zoological Garden, Botanical Garden, Trading, Nurseries, ',
  ' (Pvt) Ltd, Co., Ltd., Limited, GmbH, Inc., LLC, S.A., Pty Ltd, AG, AS, K.K., ',
  'P.O. Box , Street, Road, Avenue, Boulevard, strasse , Rue de la , ',
  // Descriptions (box 9) and marks.
  'Live birds, captive-bred, male and female, months old, years old, Live animals, Live plants, Artificially propagated plants, flowering, in pots, seedlings, seeds, ',
  'Blood samples, tissue samples, hair, feathers, Raw salted skins, Tanned skins, leather products, Watch straps, handbags, belts, shoes, wallets, ',
  'Hunting trophy: skull, tusks, horns, Carvings, Timber, sawn wood, logs, veneer, guitar, caviar in tins, meat, extract, oil, chips, ',
  'Closed leg rings , microchips , CITES tags , Serial number ',
  // Common names (box 8) and scientific names (box 7) of much-traded species.
  'Asian elephant, African elephant, American alligator, Nile crocodile, Saltwater crocodile, caiman, python, Grey parrot, macaw, cockatoo, tortoise, chameleon, monitor lizard, sturgeon, orchid, cactus, rosewood, mahogany, agarwood, coral, ',
  'Elephas maximus, Loxodonta africana, Alligator mississippiensis, Crocodylus niloticus, Crocodylus porosus, Caiman crocodilus, Python reticulatus, Python regius, Varanus , Psittacus erithacus, Ara , Cacatua , Testudo , Chamaeleo , Acipenser , ',
  'Phalaenopsis , Dendrobium , Paphiopedilum , Cattleya , Euphorbia , Aloe , Dalbergia nigra, Dalbergia , Swietenia macrophylla, Pterocarpus santalinus, Aquilaria , Prunus africana, ',
];

/** 3. Codes in their fields, and the optional parts of a permit with the text around them. */
const FIELDS = [
  '"term":"SKI","term":"LPS","term":"SPE","term":"WPR","term":"MUS","term":"TRO","term":"DPL","term":"CAV",',
  '"unit":"KGM","unit":"MLT","unit":"GRM","source":"C","source":"A","source":"R","purpose":"S","purpose":"P","purpose":"Z","purpose":"E","appendix":"III",',
  '"lastReExport":{"country":"","certificateNumber":"","date":"2026-"},"quota":{"exportedToDate":,"annual":,"unit":"NAR"},',
  '"replaces":{"permitNumber":"","reason":"lost"},',
  '"documentType":"import","documentType":"re-export","documentType":"other","otherDocumentType":"Pre-Convention certificate",',
  '"},"specialConditions":["',
  '","securityStampNumber":"',
  '","marks":"',
  '","appendix":"I","source":"D","operationNumber":"A-',
  '","acquisitionDate":"19',
  ',"unit":"NAR","origin":{"country":"',
  '","permitNumber":"',
  '","date":"2026-',
  '"}},{"block":"B","scientificName":"',
  '"}}],"issued":{"place":"',
  '"}],"importPermit":{"permitNumber":"',
  '","issuer":"did:web:cites.',
  '"},"issued":{"place":"',
];

/** 4. The payload skeleton of a permit without optional parts, in signing order; the most likely text is nearest the data. */
const SKELETON = [
  '{"exp":18',
  ',"vc":{"permitRecord":"https://cites./records/',
  '","@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential","CITESPermit"],"credentialSubject":{"permitNumber":"',
  '26-E000',
  '","documentType":"export","validUntil":"2027-',
  '","importer":{"name":"',
  '","address":"',
  '","country":"CH"},"exporter":{"name":"',
  '","address":"',
  '","country":"',
  '"],"purpose":"T","managementAuthority":{"country":"',
  '"},"purpose":"T","managementAuthority":{"country":"',
  '","name":"',
  '","address":"',
  '","did":"did:web:cites.',
  '"},"specimens":[{"block":"A","scientificName":"',
  '","commonName":"',
  '","description":"',
  '","term":"LIV","appendix":"II","source":"W","quantity":',
  ',"unit":"NAR"},{"block":"B","scientificName":"',
  ',"unit":"NAR"}],"issued":{"place":"',
  '","date":"2026-',
  'T',
  'Z","signatory":"',
  '"}},"credentialSchema":{"id":"https://cites.',
  '/schemas/cites-permit/v1.json","type":"JsonSchema"},"credentialStatus":[{"id":"https://cites.',
  '/status/revocation/1#',
  '","type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"',
  '","statusListCredential":"https://cites.',
  '/status/revocation/1"},{"id":"https://cites.',
  '/status/suspension/1#',
  '","type":"BitstringStatusListEntry","statusPurpose":"suspension","statusListIndex":"',
  '","statusListCredential":"https://cites.',
  '/status/suspension/1"}]},"jti":"urn:uuid:',
  '","nbf":17',
  ',"iss":"did:web:cites.',
  '"}',
];

/** The dictionary text (UTF-8 on the wire; it is ASCII). */
export const DICTIONARY_V1_TEXT: string = [...PHRASES, ...VOCABULARY, ...FIELDS, ...SKELETON].join('');

/** The dictionary bytes, as given to DEFLATE and INFLATE. */
export const DICTIONARY_V1: Uint8Array = new TextEncoder().encode(DICTIONARY_V1_TEXT);
