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

import ajvModule, { type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { ENDORSEMENT_REQUEST_SCHEMA, ENDORSEMENT_SCHEMA } from './endorsement-schema.js';
import { IMPORT_CONFIRMATION_REQUEST_SCHEMA, IMPORT_CONFIRMATION_SCHEMA } from './import-confirmation-schema.js';
import { PERMIT_REQUEST_SCHEMA, PERMIT_SCHEMA, type JsonSchema } from './schema.js';

// ajv and ajv-formats are CommonJS modules whose class / plugin is also exported as
// `.default`. Under NodeNext the default import is the whole module object, while
// bundlers may hand over `.default` directly; taking `.default` when present works in both.
type AjvClass = typeof ajvModule.default;
type FormatsPlugin = typeof formatsModule.default;
const Ajv2020: AjvClass = (ajvModule as unknown as { default?: AjvClass }).default ?? (ajvModule as unknown as AjvClass);
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

/** Every schema Saiga checks documents against, by the name of its validator getter. */
export const SCHEMAS = {
  requestValidator: PERMIT_REQUEST_SCHEMA,
  permitValidator: PERMIT_SCHEMA,
  endorsementRequestValidator: ENDORSEMENT_REQUEST_SCHEMA,
  endorsementValidator: ENDORSEMENT_SCHEMA,
  importConfirmationRequestValidator: IMPORT_CONFIRMATION_REQUEST_SCHEMA,
  importConfirmationValidator: IMPORT_CONFIRMATION_SCHEMA,
} as const satisfies Record<string, JsonSchema>;

/**
 * The one ajv setup of every schema check: all errors at once, strict schemas, and the two
 * ajv-formats formats the schemas use. `extra` is for the build (`code: { source: true }`).
 */
export function createAjv(extra: Options = {}): InstanceType<AjvClass> {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ...extra });
  addFormats(ajv, ['date', 'date-time']);
  return ajv;
}

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
