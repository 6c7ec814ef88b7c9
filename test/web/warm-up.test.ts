/**
 * The verifier page's idle warm-up (verifier-web/src/warm-up.ts) and its camera frame
 * scaling (frame-luma.ts), without a browser: the warm-up must really run each step it
 * names, or it warms nothing, and it must never fetch anything.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lumaToRgba } from '../../verifier-web/src/frame-luma.js';
import { WARM_UP_PERMIT, warmUpVerification } from '../../verifier-web/src/warm-up.js';
import { readInput } from '../../src/verify/index.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('idle warm-up', () => {
  it('reads the sample permit, runs every permit rule on it and reads a status list, fetching nothing', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('the warm-up must not fetch')));
    vi.stubGlobal('fetch', fetch);
    expect(await warmUpVerification('en')).toEqual({ input: true, rules: true, statusList: true });
    expect(await warmUpVerification('fr')).toEqual({ input: true, rules: true, statusList: true });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('stops between its steps once the page is busy (a scan or a verification has begun)', async () => {
    expect(await warmUpVerification('en', () => true)).toEqual({ input: false, rules: false, statusList: false });
    let asked = 0;
    const report = await warmUpVerification('en', () => ++asked > 1);
    expect(report).toEqual({ input: true, rules: true, statusList: false });
  });

  it('the sample is an unsigned permit of an authority on no list (an all-zero signature)', async () => {
    const read = await readInput(WARM_UP_PERMIT, { isTrustedAuthority: () => false });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [header, payload, signature] = read.jwt.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({ alg: 'EdDSA' });
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString()).iss).toBe('did:web:cites.example.org');
    expect(Buffer.from(signature!, 'base64url')).toEqual(Buffer.alloc(64));
  });
});

describe('camera frame from its luma plane', () => {
  const grey = (image: { data: Uint8ClampedArray; width: number }, x: number, y: number) => {
    const i = (y * image.width + x) * 4;
    return [...image.data.subarray(i, i + 4)];
  };

  it('keeps a frame within the long side as it is, grey and opaque, skipping the stride padding and the offset', () => {
    // 3×2 pixels in rows of 5 bytes (2 bytes padding), after 4 bytes of something else.
    const plane = Uint8Array.from([9, 9, 9, 9, 10, 20, 30, 99, 99, 40, 50, 60, 99, 99]);
    const image = lumaToRgba(plane, 4, 5, 3, 2, 800);
    expect([image.width, image.height]).toEqual([3, 2]);
    // Each pixel the rounded mean of its 2×2 block (the last column and row reuse their neighbour).
    expect(grey(image, 0, 0)).toEqual([30, 30, 30, 255]);
    expect(grey(image, 1, 0)).toEqual([40, 40, 40, 255]);
    expect(grey(image, 2, 1)).toEqual([40, 40, 40, 255]);
  });

  it('scales 1280×720 to 800×450, a black square staying black and white staying white', () => {
    const [w, h] = [1280, 720];
    const plane = new Uint8Array(w * h).fill(255);
    for (let y = 320; y < 400; y++) plane.fill(0, y * w + 600, y * w + 680);
    const image = lumaToRgba(plane, 0, w, w, h, 800);
    expect([image.width, image.height]).toEqual([800, 450]);
    expect(grey(image, 400, 225)).toEqual([0, 0, 0, 255]);
    expect(grey(image, 10, 10)).toEqual([255, 255, 255, 255]);
    expect(grey(image, 799, 449)).toEqual([255, 255, 255, 255]);
  });
});
