/**
 * Checks a message body against the JSON Schema of its type (./bodies.ts) and answers, for
 * the first fault, an EXCHANGE_BODY_INVALID refusal with its JSON pointer (RFC 6901). Each
 * validator is compiled once, on first use, with the one ajv setup of every Saiga schema
 * (src/permit/ajv-setup.ts).
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv } from '../../permit/ajv-setup.js';
import { escapePointerToken } from '../../permit/findings.js';
import { EXCHANGE_CODES } from '../../codes.js';
import type { MessageBodies, MessageKind } from '../message-types.js';
import type { ExchangeRefusal } from '../ports.js';
import { exchangeBodySchema } from './bodies.js';

const compiled = new Map<MessageKind, ValidateFunction>();

function validatorOf(kind: MessageKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (validate === undefined) {
    validate = createAjv().compile(exchangeBodySchema(kind));
    compiled.set(kind, validate);
  }
  return validate;
}

/** The pointer of the field at fault: for a missing or unexpected property, that property's own path. */
function pathOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath}/${escapePointerToken(String(params['missingProperty']))}`;
  if (error.keyword === 'additionalProperties') return `${error.instancePath}/${escapePointerToken(String(params['additionalProperty']))}`;
  return error.instancePath;
}

function describeError(error: ErrorObject, path: string): string {
  const params = error.params as Record<string, unknown>;
  const at = path === '' ? 'the body' : path;
  switch (error.keyword) {
    case 'required':
      return `${at} is missing.`;
    case 'additionalProperties':
      return `${at} is not part of this message type.`;
    case 'enum':
      return `${at} must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    default:
      return `${at} ${error.message ?? 'is invalid'}.`;
  }
}

/** The body, typed, when it matches its schema; otherwise a refusal naming the first fault. */
export function checkBody<K extends MessageKind>(kind: K, body: unknown): { ok: true; body: MessageBodies[K] } | ExchangeRefusal {
  const validate = validatorOf(kind);
  if (validate(body)) return { ok: true, body: body as MessageBodies[K] };
  // ajv reports the `if` of a conditional schema after its failed `then`; the `then` names the field.
  const error = (validate.errors ?? []).find((e) => e.keyword !== 'if');
  if (error === undefined) return { ok: false, code: 'EXCHANGE_BODY_INVALID', message: EXCHANGE_CODES.EXCHANGE_BODY_INVALID, path: '' };
  const path = pathOf(error);
  return { ok: false, code: 'EXCHANGE_BODY_INVALID', message: `${EXCHANGE_CODES.EXCHANGE_BODY_INVALID} ${describeError(error, path)}`, path };
}

/** A handler's `validate`: undefined when the body matches the schema of `kind`, else the refusal. */
export function bodyValidator(kind: MessageKind): (body: unknown) => ExchangeRefusal | undefined {
  return (body) => {
    const checked = checkBody(kind, body);
    return checked.ok ? undefined : checked;
  };
}
