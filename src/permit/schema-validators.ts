/**
 * The compiled JSON Schema validators of permits and endorsements, all in this one module
 * so that the verifier page can swap it whole.
 *
 * Here (agent, CLI, tests) ajv compiles each schema on first use, which it does with
 * `new Function`. A page whose Content-Security-Policy has no 'unsafe-eval' cannot do that,
 * so verifier-web/build.mjs bundles, in place of this module, ajv "standalone" code that
 * verifier-web/schema-validators.mjs generates at build time from `SCHEMAS` with
 * `createAjv`: the same schemas, options and formats, hence the same errors. The page
 * imports only the four `…Validator` getters, which both modules export.
 */

import type { ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv } from './ajv-setup.js';
import { ENDORSEMENT_REQUEST_SCHEMA, ENDORSEMENT_SCHEMA } from './endorsement-schema.js';
import { IMPORT_CONFIRMATION_REQUEST_SCHEMA, IMPORT_CONFIRMATION_SCHEMA } from './import-confirmation-schema.js';
import { PERMIT_REQUEST_SCHEMA, PERMIT_SCHEMA, type JsonSchema } from './schema.js';

// The one ajv setup lives in its own module, so that the agent's other schemas (the exchange's
// message bodies) use it too when the build has swapped this module for standalone code.
export { createAjv };

/** Every schema Saiga checks documents against, by the name of its validator getter. */
export const SCHEMAS = {
  requestValidator: PERMIT_REQUEST_SCHEMA,
  permitValidator: PERMIT_SCHEMA,
  endorsementRequestValidator: ENDORSEMENT_REQUEST_SCHEMA,
  endorsementValidator: ENDORSEMENT_SCHEMA,
  importConfirmationRequestValidator: IMPORT_CONFIRMATION_REQUEST_SCHEMA,
  importConfirmationValidator: IMPORT_CONFIRMATION_SCHEMA,
} as const satisfies Record<string, JsonSchema>;


/** Compiles a schema on first use only: ajv compilation is the expensive part. */
function lazyValidator(schema: JsonSchema): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  // One ajv instance per schema: the schemas share no `$id`s, and keeping them apart rules out any clash.
  return () => (compiled ??= createAjv().compile(schema));
}

export const requestValidator = lazyValidator(SCHEMAS.requestValidator);
export const permitValidator = lazyValidator(SCHEMAS.permitValidator);
export const endorsementRequestValidator = lazyValidator(SCHEMAS.endorsementRequestValidator);
export const endorsementValidator = lazyValidator(SCHEMAS.endorsementValidator);
export const importConfirmationRequestValidator = lazyValidator(SCHEMAS.importConfirmationRequestValidator);
export const importConfirmationValidator = lazyValidator(SCHEMAS.importConfirmationValidator);
