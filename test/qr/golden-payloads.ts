/**
 * The golden fixtures the QR layer tests share (fixtures/golden-permit.*: the permit of the
 * shape before contexts and kid, and its CP1, CP2 and CPR1 payloads), and builders of
 * hand-made CP1 and CP2 payloads for the mutated fixtures. CP3 is in cp3.test.ts and
 * golden.test.ts.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { encodeBase43 } from '../../src/qr/base43.js';
import { DICTIONARY_V1 } from '../../src/qr/dictionary.js';
import { DICTIONARY_V2 } from '../../src/qr/dictionary-v2.js';

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
export const JWT = fixture('golden-permit.jwt');
/** The formats before CP3 (the one written, test/qr/cp3.test.ts), which are still read. */
export const CP2 = fixture('golden-permit.cp2.txt');
export const CP1 = fixture('golden-permit.cp1.txt');
export const CPR1 = fixture('golden-permit.cpr1.txt');
export const [HEADER_B64, PAYLOAD_B64, SIGNATURE_B64] = JWT.split('.') as [string, string, string];
export const SIGNATURE = Buffer.from(SIGNATURE_B64, 'base64url');
export const PAYLOAD = Buffer.from(PAYLOAD_B64, 'base64url');

export const b64u = (s: string | Uint8Array) => Buffer.from(s).toString('base64url');
/** A CP1 payload built by hand: header byte(s) ‖ signature ‖ DEFLATE with dictionary v1 (fflate). */
export const cp1 = (head: Uint8Array, signature: Uint8Array, payload: Uint8Array, level: 0 | 1 | 6 | 9 = 9) =>
  `CP1:${encodeBase43(Uint8Array.from([...head, ...signature, ...deflateSync(payload, { level, dictionary: DICTIONARY_V1 })]))}`;
/** A CP2 payload built by hand: header byte(s) ‖ signature ‖ DEFLATE of split bytes with dictionary v2 (fflate). */
export const cp2 = (head: Uint8Array, signature: Uint8Array, split: Uint8Array) =>
  `CP2:${encodeBase43(Uint8Array.from([...head, ...signature, ...deflateSync(split, { level: 9, dictionary: DICTIONARY_V2 })]))}`;
export const bytesOf = (...parts: (string | number)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...new TextEncoder().encode(p)])));
/** The text with the character at `i` replaced by another one of the alphabet. */
export const flip = (text: string, i: number) => `${text.slice(0, i)}${text[i] === 'A' ? 'B' : 'A'}${text.slice(i + 1)}`;
export const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);
