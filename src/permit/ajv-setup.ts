/**
 * The one ajv setup of every JSON Schema check in Saiga (permits, endorsements, the exchange's
 * message bodies): JSON Schema 2020-12, all errors at once, strict schemas, and the two
 * ajv-formats formats the schemas use.
 */
import ajvModule, { type Options } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';

// ajv and ajv-formats are CommonJS modules whose class / plugin is also exported as
// `.default`. Under NodeNext the default import is the whole module object, while
// bundlers may hand over `.default` directly; taking `.default` when present works in both.
type AjvClass = typeof ajvModule.default;
type FormatsPlugin = typeof formatsModule.default;
const Ajv2020: AjvClass = (ajvModule as unknown as { default?: AjvClass }).default ?? (ajvModule as unknown as AjvClass);
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

/** `extra` is for the build (`code: { source: true }`). */
export function createAjv(extra: Options = {}): InstanceType<AjvClass> {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ...extra });
  addFormats(ajv, ['date', 'date-time']);
  return ajv;
}
