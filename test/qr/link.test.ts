/** The QR text (src/qr/link.ts): the verifier link, and the choice between the whole permit and a reference. */
import { describe, expect, it } from 'vitest';
import { encodePermitQrOrReference, permitQrLink } from '../../src/qr/link.js';
import { encodePermitQr } from '../../src/qr/payload.js';
import { qrVersion } from '../../src/qr/render.js';
import { CP2, CPR1, JWT } from './golden-payloads.js';

describe('permitQrLink', () => {
  it('upper-cases scheme and host, puts the page at /VERIFY unless the URL names a page', () => {
    expect(permitQrLink('https://cites.dwc.gov.lk', 'CP2:X')).toBe('HTTPS://CITES.DWC.GOV.LK/VERIFY#CP2:X');
    expect(permitQrLink('https://cites.dwc.gov.lk/', 'CP2:X')).toBe('HTTPS://CITES.DWC.GOV.LK/VERIFY#CP2:X');
    expect(permitQrLink('http://localhost:8080', 'CP2:X')).toBe('HTTP://LOCALHOST:8080/VERIFY#CP2:X');
    expect(permitQrLink('https://cites.example.org/LK/VERIFY/', 'CP2:X')).toBe('HTTPS://CITES.EXAMPLE.ORG/LK/VERIFY#CP2:X');
    expect(permitQrLink('https://cites.example.org/lk/verify', 'CP2:X')).toBe('HTTPS://CITES.EXAMPLE.ORG/lk/verify#CP2:X');
  });

  it('refuses URLs that would break the link', () => {
    expect(() => permitQrLink('ftp://cites.dwc.gov.lk', 'CP2:X')).toThrow(TypeError);
    expect(() => permitQrLink('https://cites.dwc.gov.lk/?a=1', 'CP2:X')).toThrow(TypeError);
    expect(() => permitQrLink('https://cites.dwc.gov.lk/#x', 'CP2:X')).toThrow(TypeError);
    expect(() => permitQrLink('not a url', 'CP2:X')).toThrow();
  });

  it('a printed link is QR-alphanumeric apart from the "#"', () => {
    const link = permitQrLink('https://cites.dwc.gov.lk', CP2);
    expect(link.replace('#', '')).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
  });
});

describe('encodePermitQrOrReference', () => {
  it('encodePermitQrOrReference picks the reference only above the version limit', async () => {
    const full = await encodePermitQrOrReference(JWT, 'https://cites.example.org');
    expect(full).toMatchObject({ kind: 'qr', payload: encodePermitQr(JWT) });
    expect(full.version).toBe(qrVersion(full.text));
    const ref = await encodePermitQrOrReference(JWT, 'https://cites.example.org', { maxVersion: full.version - 1 });
    expect(ref).toEqual({ kind: 'reference', payload: CPR1, text: `HTTPS://CITES.EXAMPLE.ORG/VERIFY#${CPR1}`, version: qrVersion(`HTTPS://CITES.EXAMPLE.ORG/VERIFY#${CPR1}`) });
    // The version function is pluggable (e.g. render.ts's qrVersion, which is what gets drawn).
    const drawn = await encodePermitQrOrReference(JWT, 'https://cites.example.org', { versionOf: (text) => qrVersion(text), maxVersion: full.version });
    expect(drawn).toEqual(full);
  });
});
