/**
 * The JSON Schemas of the exchange's message bodies: each golden body (fixtures/bodies.json)
 * passes, and one mutation per defect is refused with EXCHANGE_BODY_INVALID and the JSON
 * pointer of the field at fault. The schemas themselves compile under ajv's strict mode and
 * are valid draft 2020-12.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/exchange/schemas/validate.js';
import { EXCHANGE_KINDS, exchangeBodySchema, exchangeSchemaPath } from '../../src/exchange/schemas/bodies.js';
import type { MessageKind } from '../../src/exchange/message-types.js';

const GOLDEN = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'bodies.json'), 'utf8')) as Record<MessageKind, Record<string, unknown>>;

const mutated = (kind: MessageKind, change: (body: Record<string, unknown>) => void): Record<string, unknown> => {
  const body = structuredClone(GOLDEN[kind]);
  change(body);
  return body;
};

describe('exchange body schemas', () => {
  it('has a golden body for every message type', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual([...EXCHANGE_KINDS].sort());
  });

  it.each(EXCHANGE_KINDS)('accepts the golden %s body', (kind) => {
    expect(checkBody(kind, GOLDEN[kind])).toEqual({ ok: true, body: GOLDEN[kind] });
  });

  it('publishes each schema under the last segment of its type URI, with the agent URL as $id', () => {
    expect(EXCHANGE_KINDS.map(exchangeSchemaPath)).toEqual([
      '/schemas/cites-exchange/1.0/permit-issued.json',
      '/schemas/cites-exchange/1.0/import-permit.json',
      '/schemas/cites-exchange/1.0/status-changed.json',
      '/schemas/cites-exchange/1.0/export-endorsed.json',
      '/schemas/cites-exchange/1.0/import-confirmed.json',
      '/schemas/cites-exchange/1.0/key-revoked.json',
      '/schemas/cites-exchange/1.0/audit-checkpoint.json',
    ]);
    const schema = exchangeBodySchema('statusChanged', 'https://cites.example.org/');
    expect([schema.$schema, schema.$id]).toEqual(['https://json-schema.org/draft/2020-12/schema', 'https://cites.example.org/schemas/cites-exchange/1.0/status-changed.json']);
  });

  const defects: [string, MessageKind, unknown, string][] = [
    ['a body that is not an object', 'permitIssued', 'eyJ.eyJ.sig', ''],
    ['a missing permit', 'permitIssued', {}, '/permit'],
    ['a permit that is not a compact JWS', 'permitIssued', mutated('permitIssued', (b) => (b.permit = 'not a jwt')), '/permit'],
    ['a detached-payload JWS', 'importPermit', mutated('importPermit', (b) => (b.permit = 'eyJhbGciOiJFZERTQSJ9..c2ln')), '/permit'],
    ['a permit longer than any verifier reads', 'permitIssued', mutated('permitIssued', (b) => (b.permit = `a.${'b'.repeat(65_536)}.c`)), '/permit'],
    ['an unknown property', 'permitIssued', mutated('permitIssued', (b) => (b.note = 'x')), '/note'],
    ['a status that is not one of the three', 'statusChanged', mutated('statusChanged', (b) => (b.status = 'cancelled')), '/status'],
    ['a revocation reason outside the list', 'statusChanged', mutated('statusChanged', (b) => (b.reason = 'because')), '/reason'],
    ['a credential id that is not a UUID URN', 'statusChanged', mutated('statusChanged', (b) => (b.credentialId = 'LK26-E000042')), '/credentialId'],
    ['a change time without an offset', 'statusChanged', mutated('statusChanged', (b) => (b.changedAt = '2026-12-01T12:00:00')), '/changedAt'],
    ['a missing change time', 'statusChanged', mutated('statusChanged', (b) => delete b.changedAt), '/changedAt'],
    ['an empty replacement number', 'statusChanged', mutated('statusChanged', (b) => (b.replacedBy = '')), '/replacedBy'],
    ['an endorsement that is a number', 'exportEndorsed', mutated('exportEndorsed', (b) => (b.endorsement = 42)), '/endorsement'],
    ['a missing confirmation', 'importConfirmed', {}, '/confirmation'],
    ['a kid without a fragment', 'keyRevoked', mutated('keyRevoked', (b) => (b.kid = 'did:web:lk.example')), '/kid'],
    ['an audit checkpoint that is not a compact JWS', 'auditCheckpoint', mutated('auditCheckpoint', (b) => (b.checkpoint = 'not a jws')), '/checkpoint'],
    ['a compromise date that is not a date-time', 'keyRevoked', mutated('keyRevoked', (b) => (b.compromisedSince = 'yesterday')), '/compromisedSince'],
  ];

  it.each(defects)('refuses %s', (_name, kind, body, path) => {
    const refusal = checkBody(kind, body);
    expect(refusal.ok).toBe(false);
    if (refusal.ok) return;
    expect([refusal.code, refusal.path]).toEqual(['EXCHANGE_BODY_INVALID', path]);
    expect(refusal.message.startsWith('The message body does not match the schema of its type.')).toBe(true);
  });

  it('keeps a suspension reason free text and reinstatement reasons free too', () => {
    expect(checkBody('statusChanged', mutated('statusChanged', (b) => Object.assign(b, { status: 'suspended', reason: 'under investigation' }))).ok).toBe(true);
    expect(checkBody('statusChanged', mutated('statusChanged', (b) => Object.assign(b, { status: 'reinstated', reason: '' }))).ok).toBe(true);
  });
});
