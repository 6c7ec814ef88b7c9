/**
 * Golden vectors of the QR transport: fixed VC-JWTs and the payloads they must give.
 *
 * The dictionaries v1, v2 and v3 and the CP1/CP2/CP3/CPR1 layouts are frozen once permits are
 * printed: any change to src/qr/dictionary*.ts, json-split.ts, base43.ts, header-v3.ts,
 * macros-v3.ts or the layouts in cp3.ts and cpr1.ts fails here. Decoding the committed payloads is the
 * contract (printed permits must stay readable); encoding CP3, the format written, is pinned
 * too (the encoder uses integer arithmetic only, so it gives the same bytes on every engine).
 * A deliberate change of the encoder that still decodes to the same JWT may update the
 * .cp3.txt file; a change of a dictionary or layout needs a new prefix (CP4) instead. CP1 and
 * CP2 are no longer written: their payloads here were written by their encoders and must keep
 * reading.
 *
 * fixtures/golden-permit.jwt is the permit of the shape before contexts and kid (a copy of
 * test/verify/fixtures/valid-permit.jwt as it was), the one the CP1 and CP2 payloads carry.
 * fixtures/golden-permit-v3.jwt is a permit of today's shape (did:web issuer, kid of its
 * #key-<thumbprint> method, CITES context, status-entry ids), signed with the committed test
 * key; the CP3 payload carries it. Both are kept here so that regenerating other fixtures
 * cannot move these.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE43_ALPHABET } from '../../src/qr/base43.js';
import { decodePermitQr, encodePermitQr, encodePermitReference } from '../../src/qr/payload.js';
import { DICTIONARY_V1, DICTIONARY_V1_TEXT } from '../../src/qr/dictionary.js';
import { DICTIONARY_V2, DICTIONARY_V2_TEXT } from '../../src/qr/dictionary-v2.js';
import { DICTIONARY_V3, DICTIONARY_V3_TEXT } from '../../src/qr/dictionary-v3.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const JWT = fixture('golden-permit.jwt');
const JWT_V3 = fixture('golden-permit-v3.jwt');
const CP3 = fixture('golden-permit.cp3.txt');
const CP1 = fixture('golden-permit.cp1.txt');
const CP2 = fixture('golden-permit.cp2.txt');
const CPR1 = fixture('golden-permit.cpr1.txt');

describe('dictionary v1', () => {
  it('is frozen: its SHA-256 and length never change (a new dictionary was CP2)', () => {
    expect(DICTIONARY_V1.length).toBe(4068);
    expect(createHash('sha256').update(DICTIONARY_V1).digest('hex')).toBe('d21aeaa99d25625535fde620a5296e20f29301b766f2540711aecd3264c70a0c');
  });

  it('is printable ASCII of at most 4 KB, the text and the bytes agree', () => {
    expect(DICTIONARY_V1.length).toBeLessThanOrEqual(4096);
    expect(DICTIONARY_V1_TEXT).toMatch(/^[\x20-\x7e]+$/);
    expect(Buffer.from(DICTIONARY_V1).toString('latin1')).toBe(DICTIONARY_V1_TEXT);
  });
});

describe('dictionary v2', () => {
  it('is frozen: its SHA-256 and length never change (a new dictionary is CP3)', () => {
    expect(DICTIONARY_V2.length).toBe(3610);
    expect(createHash('sha256').update(DICTIONARY_V2).digest('hex')).toBe('34741ed06759f2c307ac8125b85580df79ce0696c4d7eb388d7df40dc20799ca');
  });

  it('is printable ASCII and the three markers of the split layout, at most 4 KB', () => {
    expect(DICTIONARY_V2.length).toBeLessThanOrEqual(4096);
    expect(DICTIONARY_V2_TEXT).toMatch(/^[\x00-\x02\x20-\x7e]+$/);
    expect(Buffer.from(DICTIONARY_V2).toString('latin1')).toBe(DICTIONARY_V2_TEXT);
  });
});

describe('dictionary v3', () => {
  it('is frozen: its SHA-256 and length never change (a new dictionary is CP4)', () => {
    expect(DICTIONARY_V3.length).toBe(3703);
    expect(createHash('sha256').update(DICTIONARY_V3).digest('hex')).toBe('b626768addfc3d6293283784b0974afa32f3064dcdd0637f10bd5925a949a1aa');
  });

  it('is printable ASCII, the three markers of the split layout and the two of CP3 (agent URL, UUID), at most 4 KB', () => {
    expect(DICTIONARY_V3.length).toBeLessThanOrEqual(4096);
    expect(DICTIONARY_V3_TEXT).toMatch(/^[\x00-\x04\x20-\x7e]+$/);
    expect(Buffer.from(DICTIONARY_V3).toString('latin1')).toBe(DICTIONARY_V3_TEXT);
  });
});

describe('golden permit of today\'s shape (CP3)', () => {
  it('the fixture is a canonical EdDSA compact JWS whose header names its did:web key', () => {
    expect(JWT_V3).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(JSON.parse(Buffer.from(JWT_V3.split('.')[0]!, 'base64url').toString('utf8'))).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: 'did:web:cites.example.org:lk#key-CzLjsLAb' });
  });

  it('encodes to the committed CP3 payload', () => {
    expect(encodePermitQr(JWT_V3)).toBe(CP3);
    expect(CP3).toHaveLength(458);
    expect([...CP3.slice(4)].every((c) => BASE43_ALPHABET.includes(c))).toBe(true);
  });

  it('the committed CP3 payload decodes to the JWT, byte for byte', () => {
    expect(decodePermitQr(CP3)).toEqual({ ok: true, kind: 'qr', jwt: JWT_V3 });
    expect(decodePermitQr(CP3.toLowerCase())).toEqual({ ok: true, kind: 'qr', jwt: JWT_V3 });
  });

  it('the permit of the earlier shape (no kid, no agent URL to derive) goes through CP3 too', () => {
    const cp3 = encodePermitQr(JWT);
    expect(cp3.startsWith('CP3:')).toBe(true);
    expect(decodePermitQr(cp3)).toEqual({ ok: true, kind: 'qr', jwt: JWT });
  });
});

describe('golden permit', () => {
  it('the fixture is a canonical EdDSA compact JWS', () => {
    expect(JWT).toMatch(/^eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
  });

  it('the committed CP2 payload (written by the CP2 encoder) is 706 characters of Base43', () => {
    expect(CP2).toHaveLength(706);
    expect([...CP2.slice(4)].every((c) => BASE43_ALPHABET.includes(c))).toBe(true);
  });

  it('the committed CP2 payload decodes to the JWT, byte for byte', () => {
    expect(decodePermitQr(CP2)).toEqual({ ok: true, kind: 'qr', jwt: JWT });
    expect(decodePermitQr(CP2.toLowerCase())).toEqual({ ok: true, kind: 'qr', jwt: JWT });
  });

  it('the committed CP1 payload (written by the CP1 encoder) is 672 characters of Base43', () => {
    expect(CP1).toHaveLength(672);
    expect([...CP1.slice(4)].every((c) => BASE43_ALPHABET.includes(c))).toBe(true);
  });

  it('the committed CP1 payload decodes to the JWT, byte for byte', () => {
    expect(decodePermitQr(CP1)).toEqual({ ok: true, kind: 'qr', jwt: JWT });
    expect(decodePermitQr(CP1.toLowerCase())).toEqual({ ok: true, kind: 'qr', jwt: JWT });
  });

  it('encodes to the committed CPR1 reference, which decodes to its issuer, id and SHA-256', async () => {
    expect(await encodePermitReference(JWT)).toBe(CPR1);
    const claims = JSON.parse(Buffer.from(JWT.split('.')[1]!, 'base64url').toString('utf8')) as { iss: string; jti: string };
    expect(decodePermitQr(CPR1)).toEqual({
      ok: true,
      kind: 'reference',
      issuer: claims.iss,
      credentialId: claims.jti,
      sha256: createHash('sha256').update(JWT).digest('hex'),
    });
  });
});
