/**
 * The permit and the export endorsement each name, in `credentialSchema`, a `JsonSchema`
 * (VC JSON Schema) that applies to the whole credential. Here ajv (2020-12 dialect,
 * with ajv-formats) compiles the schema fetched from the URL the credential names and
 * validates the decoded credential against it, as any conforming validator would; a
 * credential changed in one place fails with the exact keyword and path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ajvModule from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { decodeCredential, issueCredentials, type DecodedCredential, type IssuedCredentials } from './helpers.js';

// CommonJS modules: under NodeNext their default import is the module object (see src/permit/schema-validators.ts).
const Ajv2020 = (ajvModule as unknown as { default: typeof ajvModule.default }).default;
const addFormats = (formatsModule as unknown as { default: typeof formatsModule.default }).default;

let issued: IssuedCredentials;

beforeAll(async () => {
  issued = await issueCredentials();
});

afterAll(async () => {
  await issued?.agent.stop();
});

/** Validates a credential against the schema its credentialSchema names, fetched from there. */
async function validateAgainstOwnSchema(credential: DecodedCredential) {
  const response = await fetch(credential.credentialSchema.id);
  expect(response.status).toBe(200);
  const schema = (await response.json()) as Record<string, unknown>;
  expect(schema['$id']).toBe(credential.credentialSchema.id);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const valid = validate(credential);
  return { valid, errors: (validate.errors ?? []).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params })) };
}

describe('ajv against the credential’s own credentialSchema', () => {
  it('the permit names the whole-credential schema of its issuing agent, type JsonSchema', () => {
    expect(decodeCredential(issued.permit).credentialSchema).toEqual({ id: `${issued.agent.url}/schemas/cites-permit-credential/v1.json`, type: 'JsonSchema' });
  });

  it('the endorsement names the whole-credential endorsement schema, type JsonSchema', () => {
    expect(decodeCredential(issued.endorsement).credentialSchema).toEqual({ id: `${issued.agent.url}/schemas/cites-endorsement-credential/v1.json`, type: 'JsonSchema' });
  });

  it.each([
    ['the fresh permit', () => issued.permit],
    ['the revoked permit', () => issued.revokedPermit],
    ['an elephant-samples permit', () => issued.examples['export-lk-elephant-samples.json']!],
    ['the export endorsement', () => issued.endorsement],
    ['the import confirmation', () => issued.importConfirmation],
  ])('%s is valid', async (_name, jwt) => {
    expect(await validateAgainstOwnSchema(decodeCredential(jwt()))).toEqual({ valid: true, errors: [] });
  });

  it('the import confirmation names the whole-credential import confirmation schema, type JsonSchema', () => {
    expect(decodeCredential(issued.importConfirmation).credentialSchema).toEqual({ id: `${issued.agent.url}/schemas/cites-import-confirmation-credential/v1.json`, type: 'JsonSchema' });
  });

  it('an import confirmation with a flag that is not true fails', async () => {
    const credential = decodeCredential(issued.importConfirmation);
    credential.credentialSubject.exceedsPermitted = false;
    expect(await validateAgainstOwnSchema(credential)).toEqual({ valid: false, errors: [{ instancePath: '/credentialSubject/exceedsPermitted', keyword: 'const', params: { allowedValue: true } }] });
  });

  it('a permit with a property its schema does not define fails', async () => {
    const credential = decodeCredential(issued.permit);
    credential.evidence = [{ type: 'DocumentVerification' }];
    expect(await validateAgainstOwnSchema(credential)).toEqual({ valid: false, errors: [{ instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'evidence' } }] });
  });

  it('a permit status entry without its id fails', async () => {
    const credential = decodeCredential(issued.permit);
    delete credential.credentialStatus[1].id;
    expect(await validateAgainstOwnSchema(credential)).toEqual({ valid: false, errors: [{ instancePath: '/credentialStatus/1', keyword: 'required', params: { missingProperty: 'id' } }] });
  });

  it('a permit subject that breaks the subject schema fails at its path', async () => {
    const credential = decodeCredential(issued.permit);
    credential.credentialSubject.specimens[0].quantity = 0;
    expect(await validateAgainstOwnSchema(credential)).toEqual({
      valid: false,
      errors: [{ instancePath: '/credentialSubject/specimens/0/quantity', keyword: 'exclusiveMinimum', params: { comparison: '>', limit: 0 } }],
    });
  });

  it('an endorsement with a negative quantity fails', async () => {
    const credential = decodeCredential(issued.endorsement);
    credential.credentialSubject.blocks[0].quantity = -1;
    expect(await validateAgainstOwnSchema(credential)).toEqual({
      valid: false,
      errors: [{ instancePath: '/credentialSubject/blocks/0/quantity', keyword: 'minimum', params: { comparison: '>=', limit: 0 } }],
    });
  });

  it('an endorsement claiming to be a permit fails', async () => {
    const credential = decodeCredential(issued.endorsement);
    credential.type = ['VerifiableCredential', 'CITESPermit'];
    expect(await validateAgainstOwnSchema(credential)).toEqual({
      valid: false,
      errors: [{ instancePath: '/type', keyword: 'const', params: { allowedValue: ['VerifiableCredential', 'CITESExportEndorsement'] } }],
    });
  });
});
