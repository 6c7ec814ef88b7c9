/**
 * Turns what was scanned, chosen or pasted into a JWT, through the QR transport codec
 * (`parseVerifierInput` of src/qr/codec.ts, bound by build.mjs to the module id
 * `saiga:qr-codec`; a stand-in while that codec does not exist).
 */
import { parseVerifierInput } from 'saiga:qr-codec';
import { parseWith, type ParsedInput } from './input-core.js';

export type { ParsedInput } from './input-core.js';

export function parseInput(text: string): ParsedInput {
  return parseWith(parseVerifierInput, text);
}
