/**
 * Turns what was scanned, chosen or pasted into a JWT or a permit reference, through the QR
 * transport codec (`parseVerifierInput` of src/qr/codec.ts).
 */
import { parseVerifierInput } from '../../src/qr/codec.js';
import { parseWith, type ParsedInput } from './input-core.js';

export type { ParsedInput } from './input-core.js';

export function parseInput(text: string): ParsedInput {
  return parseWith(parseVerifierInput, text);
}
