/**
 * Huffman coding for the DEFLATE encoder (src/qr/deflate.ts): length-limited code lengths,
 * canonical codes (RFC 1951 §3.2.2) and the LSB-first bit writer. Integers only.
 */

/** Huffman code lengths limited to `maxBits` (package-merge), deterministic for equal weights. */
export function limitedCodeLengths(freqs: ArrayLike<number>, maxBits: number): Uint8Array {
  const lengths = new Uint8Array(freqs.length);
  const leaves: { weight: number; symbols: number[] }[] = [];
  for (let s = 0; s < freqs.length; s++) if (freqs[s]! > 0) leaves.push({ weight: freqs[s]!, symbols: [s] });
  if (leaves.length === 0) return lengths;
  if (leaves.length === 1) {
    lengths[leaves[0]!.symbols[0]!] = 1;
    return lengths;
  }
  if (leaves.length > 1 << maxBits) throw new RangeError('too many symbols for the code length limit');
  leaves.sort((a, b) => a.weight - b.weight || a.symbols[0]! - b.symbols[0]!);
  let list = leaves;
  for (let level = 1; level < maxBits; level++) {
    const packages: { weight: number; symbols: number[] }[] = [];
    for (let i = 0; i + 1 < list.length; i += 2) {
      packages.push({ weight: list[i]!.weight + list[i + 1]!.weight, symbols: list[i]!.symbols.concat(list[i + 1]!.symbols) });
    }
    // Merge leaves and packages by weight; a leaf goes first on a tie (stable and deterministic).
    const merged: { weight: number; symbols: number[] }[] = [];
    let a = 0;
    let b = 0;
    while (a < leaves.length || b < packages.length) {
      if (b >= packages.length || (a < leaves.length && leaves[a]!.weight <= packages[b]!.weight)) merged.push(leaves[a++]!);
      else merged.push(packages[b++]!);
    }
    list = merged;
  }
  for (let i = 0; i < 2 * leaves.length - 2; i++) for (const s of list[i]!.symbols) lengths[s]!++;
  return lengths;
}

/** Canonical codes (RFC 1951 §3.2.2), bit-reversed for the LSB-first bit stream. */
export function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const maxBits = Math.max(0, ...lengths);
  const blCount = new Uint16Array(maxBits + 1);
  for (const l of lengths) if (l) blCount[l]!++;
  const next = new Uint16Array(maxBits + 2);
  let code = 0;
  for (let bits = 1; bits <= maxBits; bits++) {
    code = (code + blCount[bits - 1]!) << 1;
    next[bits] = code;
  }
  const codes = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const l = lengths[s]!;
    if (!l) continue;
    let c = next[l]!++;
    let reversed = 0;
    for (let i = 0; i < l; i++) {
      reversed = (reversed << 1) | (c & 1);
      c >>= 1;
    }
    codes[s] = reversed;
  }
  return codes;
}

export class BitWriter {
  private bytes: number[] = [];
  private buffer = 0;
  private count = 0;
  write(value: number, bits: number): void {
    for (let i = 0; i < bits; i++) {
      this.buffer |= ((value >>> i) & 1) << this.count;
      if (++this.count === 8) {
        this.bytes.push(this.buffer);
        this.buffer = 0;
        this.count = 0;
      }
    }
  }
  finish(): Uint8Array {
    if (this.count > 0) this.bytes.push(this.buffer);
    return Uint8Array.from(this.bytes);
  }
}

/** At least two used codes, so that every tree is complete (zlib does the same). */
export function atLeastTwo(counts: Uint32Array): Uint32Array {
  const c = Uint32Array.from(counts);
  let used = c.reduce((k, v) => k + (v > 0 ? 1 : 0), 0);
  for (let s = 0; used < 2 && s < c.length; s++) {
    if (c[s] === 0) {
      c[s] = 1;
      used++;
    }
  }
  return c;
}
