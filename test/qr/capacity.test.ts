/** The QR capacity calculator (src/qr/capacity.ts) against the version the qrcode package draws. */
import { describe, expect, it } from 'vitest';
import { BASE43_ALPHABET, encodeBase43 } from '../../src/qr/base43.js';
import { qrVersionFor, type ErrorCorrection } from '../../src/qr/capacity.js';
import { permitQrLink } from '../../src/qr/link.js';
import { qrVersion } from '../../src/qr/render.js';
import { CP1, CPR1, JWT } from './golden-payloads.js';
import { prng } from './helpers.js';

describe('QR capacity', () => {
  const versions = (text: string, ecc: ErrorCorrection) => {
    let drawn: number | undefined;
    try {
      drawn = qrVersion(text, ecc);
    } catch {
      drawn = undefined;
    }
    return { drawn, computed: qrVersionFor(text, ecc) };
  };

  it('equals the version the qrcode package draws for links, payloads and JWTs', () => {
    const texts = [CP1, CPR1, JWT, permitQrLink('https://cites.dwc.gov.lk', CP1), permitQrLink('https://cites.example.org/lk/verify', CP1), permitQrLink('http://localhost:8443', CPR1), 'A', '12345'];
    const random = prng(5);
    for (let i = 0; i < 60; i++) {
      const n = Math.floor(random() * 1400);
      texts.push(permitQrLink('https://cites.dwc.gov.lk', `CP1:${encodeBase43(Uint8Array.from({ length: n }, () => Math.floor(random() * 256)))}`));
    }
    for (const text of texts) {
      for (const ecc of ['L', 'M', 'Q', 'H'] as ErrorCorrection[]) {
        const { drawn, computed } = versions(text, ecc);
        expect(computed, `${ecc} ${text.slice(0, 40)}…`).toBe(drawn);
      }
    }
  });

  it('on arbitrary mixed text it is the optimum, at most one version below what qrcode draws', () => {
    const random = prng(11);
    const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 150; i++) {
      const text = pick(i % 3 === 0 ? '0123456789' : i % 3 === 1 ? `${BASE43_ALPHABET}#abc` : '0123456789ABCabc:/.#é', 1 + Math.floor(random() * 900));
      for (const ecc of ['L', 'M', 'Q', 'H'] as ErrorCorrection[]) {
        const { drawn, computed } = versions(text, ecc);
        if (drawn === undefined) continue;
        expect(computed! <= drawn && computed! >= drawn - 1, `${ecc} ${text.slice(0, 40)}…: ${computed} vs ${drawn}`).toBe(true);
      }
    }
  });
});
