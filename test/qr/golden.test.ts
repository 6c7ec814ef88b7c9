/**
 * Golden vectors of the QR transport: a fixed VC-JWT and the payloads it must give.
 *
 * The dictionaries v1 and v2 and the CP1/CP2/CPR1 layouts are frozen once permits are
 * printed: any change to src/qr/dictionary*.ts, json-split.ts, base43.ts or the layouts in
 * codec.ts fails here. Decoding the committed payloads is the contract (printed permits must
 * stay readable); encoding CP2, the format written, is pinned too (the encoder uses integer
 * arithmetic only, so it gives the same bytes on every engine). A deliberate change of the
 * encoder that still decodes to the same JWT may update the .cp2.txt file; a change of a
 * dictionary or layout needs a new prefix (CP3) instead. CP1 is no longer written: its
 * payload here was written by the CP1 encoder and must keep reading.
 *
 * fixtures/golden-permit.jwt is a copy of test/verify/fixtures/valid-permit.jwt (Ed25519,
 * the committed test key), kept here so that regenerating that fixture cannot move these.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE43_ALPHABET } from '../../src/qr/base43.js';
import { decodePermitQr, encodePermitQr, encodePermitReference } from '../../src/qr/codec.js';
import { DICTIONARY_V1, DICTIONARY_V1_TEXT } from '../../src/qr/dictionary.js';
import { DICTIONARY_V2, DICTIONARY_V2_TEXT } from '../../src/qr/dictionary-v2.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const JWT = fixture('golden-permit.jwt');
const CP1 = fixture('golden-permit.cp1.txt');
const CP2 = fixture('golden-permit.cp2.txt');
const CPR1 = fixture('golden-permit.cpr1.txt');

describe('dictionary v1', () => {
  it('is frozen: its SHA-256 and length never change (a new dictionary is CP2)', () => {
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

describe('golden permit', () => {
  it('the fixture is a canonical EdDSA compact JWS', () => {
    expect(JWT).toMatch(/^eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
  });

  it('encodes to the committed CP2 payload', () => {
    expect(encodePermitQr(JWT)).toBe(CP2);
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
