/**
 * The endorsement schemas live beside the permit schemas in src/permit/endorsement-schema.ts,
 * so that src/permit/schema-validators.ts compiles every schema without importing this folder
 * (which imports src/permit: no cycle between folders). This module keeps the old path.
 */
export { ENDORSEMENT_REQUEST_SCHEMA, ENDORSEMENT_SCHEMA, TRANSPORT_DOCUMENT_MAX_LENGTH, UN_LOCODE_PATTERN } from '../permit/endorsement-schema.js';
