/**
 * A camera frame for the wasm QR decoder, read from the frame's own luma (Y) plane.
 *
 * Drawing a <video> onto a canvas and reading it back converts every pixel from the
 * camera's YUV to RGB first (without a GPU, on the main thread): 45–190 ms a frame in
 * headless Chromium here, more than decoding it. A QR decoder needs only the brightness,
 * which the camera's 4:2:0, 4:2:2 and 4:4:4 formats carry as their first plane
 * (WebCodecs VideoFrame, https://www.w3.org/TR/webcodecs/#enumdef-videopixelformat):
 * copying that plane out (`VideoFrame.copyTo`) and scaling it down here takes a fraction
 * of the time. The decoder still gets RGBA (ImageData), grey, R = G = B = Y.
 *
 * `lumaToRgba` is pure (no DOM) so that it can be tested without a browser.
 */

/** Formats whose plane 0 is Y, one byte a pixel. */
const LUMA_FIRST = new Set(['I420', 'I420A', 'I422', 'I422A', 'I444', 'I444A', 'NV12']);

export interface GreyImage {
  data: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
}

/**
 * Scales a Y plane (`stride` bytes a row) to at most `longSide` pixels on its long side,
 * each output pixel the mean of the 2×2 source pixels nearest its centre (enough against
 * aliasing at the ratios used, 1–2×), as opaque grey RGBA.
 */
export function lumaToRgba(plane: Uint8Array, offset: number, stride: number, width: number, height: number, longSide: number): GreyImage {
  const scale = Math.min(1, longSide / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const out = new Uint8ClampedArray(w * h * 4);
  const pixels = new Uint32Array(out.buffer);
  // RGBA in memory is little-endian 0xAABBGGRR as a Uint32; big-endian machines get 0xRRGGBBAA.
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const stepX = width / w;
  const stepY = height / h;
  const near = (i: number, step: number, size: number) => Math.max(0, Math.min(size - 2, Math.floor((i + 0.5) * step - 0.5)));
  const columns = Int32Array.from({ length: w }, (_, x) => near(x, stepX, width));
  const right = width > 1 ? 1 : 0;
  const down = height > 1 ? stride : 0;
  const alpha = littleEndian ? 0xff000000 : 0xff;
  const [r, g, b] = littleEndian ? [1, 1 << 8, 1 << 16] : [1 << 24, 1 << 16, 1 << 8];
  const grey = r + g + b;
  for (let y = 0; y < h; y++) {
    const row = offset + near(y, stepY, height) * stride;
    const at = y * w;
    for (let x = 0; x < w; x++) {
      const i = row + columns[x]!;
      const v = (plane[i]! + plane[i + right]! + plane[i + down]! + plane[i + down + right]! + 2) >> 2;
      pixels[at + x] = (alpha | (v * grey)) >>> 0;
    }
  }
  return { data: out, width: w, height: h };
}

interface FrameLike {
  readonly format: string | null;
  readonly visibleRect: { x: number; y: number; width: number; height: number } | null;
  allocationSize(options?: { rect?: { x: number; y: number; width: number; height: number } }): number;
  copyTo(destination: Uint8Array, options?: { rect?: { x: number; y: number; width: number; height: number } }): Promise<{ offset: number; stride: number }[]>;
  close(): void;
}
type FrameConstructor = new (source: HTMLVideoElement) => FrameLike;

/**
 * The current frame of `video` as grey ImageData of at most `longSide` pixels, from its Y
 * plane; undefined where there is no VideoFrame or the frame is not in a format with one
 * (the caller then draws the video on a canvas).
 */
export async function readLumaFrame(video: HTMLVideoElement, longSide: number): Promise<ImageData | undefined> {
  const Frame = (globalThis as { VideoFrame?: FrameConstructor }).VideoFrame;
  if (typeof Frame !== 'function') return undefined;
  const frame = new Frame(video);
  try {
    const rect = frame.visibleRect;
    if (!rect || !frame.format || !LUMA_FIRST.has(frame.format)) return undefined;
    const buffer = new Uint8Array(frame.allocationSize({ rect }));
    const [y] = await frame.copyTo(buffer, { rect });
    if (!y) return undefined;
    const grey = lumaToRgba(buffer, y.offset, y.stride, rect.width, rect.height, longSide);
    return new ImageData(grey.data, grey.width, grey.height);
  } finally {
    frame.close();
  }
}
