/**
 * Reading QR codes from the camera and from image files. The browser's own
 * `BarcodeDetector` (Shape Detection API, https://wicg.github.io/shape-detection-api/)
 * is used when it exists and reads `qr_code`; otherwise the barcode-detector ponyfill
 * (zxing-cpp in WebAssembly) is loaded, from its own chunk. The .wasm is served next to the
 * bundle (build.mjs copies it and names it; never fetched from a CDN).
 */
import { lumaToRgba, readLumaFrame } from './frame-luma.js';

/** User Timing marks for the bench, as camera.ts `mark` (not imported: that would put camera.ts in a chunk of its own). */
const mark = (name: 'decoder-ready' | 'first-frame' | 'decoded', detail?: object) => {
  try {
    performance.mark(`saiga:${name}`, detail ? { detail } : undefined);
  } catch {
    /* no User Timing */
  }
};
/** One camera frame's decode, as a User Timing measure: the bench counts the frames tried before a code was read. */
const measureDetect = (start: number) => {
  try {
    performance.measure('saiga:detect', { start });
  } catch {
    /* no User Timing */
  }
};

/** The hashed file name of zxing_reader.wasm, set by build.mjs. */
declare const __ZXING_WASM__: string;

interface DetectedCode {
  rawValue: string;
}
interface Detector {
  detect(source: ImageBitmapSource | ImageData | HTMLVideoElement): Promise<DetectedCode[]>;
}
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats?(): Promise<string[]>;
}

/** Which decoder reads the codes: the browser's own, or the wasm fallback. */
export type DecoderKind = 'native' | 'wasm';

/**
 * The wasm decoder reads a frame scaled to at most this many pixels on its long side: a
 * code held to fill the frame (as the page asks) keeps several pixels per module, and
 * zxing's work grows with the pixel count. The native detector reads the full frame.
 */
const WASM_FRAME_LONG_SIDE = 800;

let loading: Promise<{ detector: Detector; kind: DecoderKind }> | undefined;

async function nativeDetector(): Promise<Detector | undefined> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (typeof Native !== 'function' || typeof Native.getSupportedFormats !== 'function') return undefined;
  try {
    const formats = await Native.getSupportedFormats();
    return formats.includes('qr_code') ? new Native({ formats: ['qr_code'] }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A version 7 QR code (45×45 modules, level M) of the text "SAIGA WARM-UP 0123456789
 * ABCDEFGHIJKLMNOPQRSTUVWXYZ" twice, separated by a space, one bit per module, row by
 * row, most significant bit first: what the wasm decoder reads once after loading. A real
 * code, not a blank frame, so that every step of reading one (finder and alignment
 * patterns, version information, sampling, Reed–Solomon, the bit stream) has run once
 * before the first camera frame: the browser compiles a wasm function when it first runs.
 */
const WARM_UP_MODULES =
  '/kh1vgv8E6nW4JBuiLBfBLt0h1zptduhEvkTrsFXDH4BB/qqqqqv4A8hFm4Alu5v3BUB7GxYUkH+kfbO7OLikcVDFMcxiDbwS0yPjwakSf/pXqs7iRT2hhqApups3vHfI+LM5pPA00pMqUEaLDI6PXH4tv1h/2R6hGIcQ2sbKs5qBRknETMbb7rf7y/drn4Op1s/xpOU6a7DPyFnGVZuUU2UL6427T8Pzt8tj0+X2RB0YeOl0wYiyYaf7wPKMYaCtdOopzjxkg8jtQmwv/mX/gBx1HJ0T/it6m/r0FgJHEkRujSfsY/V19tW968ukt7Uq2ME0F1awl/o9ey1sAA=';
const WARM_UP_SIZE = 45;

/**
 * The warm-up code drawn black on white, 8 pixels a module, centred in a 1280×720 luma plane
 * (what a camera gives, frame-luma.ts), and scaled to the size camera frames are read at by
 * the same code that scales them.
 */
function warmUpFrame(): ImageData {
  const [w, h] = [1280, 720];
  const plane = new Uint8Array(w * h).fill(255);
  const bits = Uint8Array.from(atob(WARM_UP_MODULES), (c) => c.charCodeAt(0));
  const scale = 8;
  const left = Math.floor((w - WARM_UP_SIZE * scale) / 2);
  const top = Math.floor((h - WARM_UP_SIZE * scale) / 2);
  for (let i = 0; i < WARM_UP_SIZE * WARM_UP_SIZE; i++) {
    if (!((bits[i >> 3]! >> (7 - (i & 7))) & 1)) continue;
    const [row, col] = [Math.floor(i / WARM_UP_SIZE), i % WARM_UP_SIZE];
    for (let y = 0; y < scale; y++) plane.fill(0, (top + row * scale + y) * w + left + col * scale, (top + row * scale + y) * w + left + (col + 1) * scale);
  }
  const grey = lumaToRgba(plane, 0, w, w, h, WASM_FRAME_LONG_SIDE);
  return new ImageData(grey.data, grey.width, grey.height);
}

/** What the warm-up read: the text, '' for nothing, or the error's name. */
let warmUpResult: string | undefined;

async function wasmDetector(): Promise<Detector> {
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  const wasmUrl = new URL(__ZXING_WASM__, import.meta.url).href;
  // Resolves once the wasm is compiled and instantiated, so the first frame decodes at once.
  await prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) }, fireImmediately: true });
  const detector = new BarcodeDetector({ formats: ['qr_code'] }) as unknown as Detector;
  // A failed warm-up costs only its time: the camera frames are read all the same.
  warmUpResult = await detector.detect(warmUpFrame()).then(
    (codes) => codes[0]?.rawValue ?? '',
    (e: unknown) => (e instanceof Error ? e.name : 'Error'),
  );
  return detector;
}

/** The decoder, loaded once; a failed load is retried at the next call. */
export function loadDecoder(): Promise<{ detector: Detector; kind: DecoderKind }> {
  loading ??= (async () => {
    const native = await nativeDetector();
    const found = native ? { detector: native, kind: 'native' as const } : { detector: await wasmDetector(), kind: 'wasm' as const };
    // What the wasm decoder's warm-up read (the bench and the tests check it read the code).
    mark('decoder-ready', { kind: found.kind, ...(warmUpResult !== undefined && { warmUp: warmUpResult }) });
    return found;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Starts loading the decoder before it is needed (page idle, or the pointer on the scan button). */
export function warmUp(): void {
  loadDecoder().catch(() => undefined);
}

/** The texts of the QR codes in an image. */
export async function decodeImage(source: ImageBitmapSource | ImageData | HTMLVideoElement): Promise<string[]> {
  const { detector } = await loadDecoder();
  const codes = await detector.detect(source);
  return codes.map((c) => c.rawValue).filter((v) => v.length > 0);
}

/** Decodes an image file (a photo of the code). */
export async function decodeFile(file: Blob): Promise<string[]> {
  const bitmap = await createImageBitmap(file);
  try {
    return await decodeImage(bitmap);
  } finally {
    bitmap.close();
  }
}

export interface CameraScan {
  stop(): void;
}

/**
 * Reads the current frame of `video` for the wasm decoder: from its luma plane where the
 * browser can (frame-luma.ts), else drawn on a canvas, both scaled to WASM_FRAME_LONG_SIDE.
 */
function frameReader(video: HTMLVideoElement): () => Promise<ImageData | undefined> {
  let canvas: HTMLCanvasElement | undefined;
  let context: CanvasRenderingContext2D | null = null;
  let luma = true;
  const drawn = (): ImageData | undefined => {
    const { videoWidth: w, videoHeight: h } = video;
    canvas ??= document.createElement('canvas');
    context ??= canvas.getContext('2d', { willReadFrequently: true });
    if (!context || w === 0 || h === 0) return undefined;
    const scale = Math.min(1, WASM_FRAME_LONG_SIDE / Math.max(w, h));
    const [cw, ch] = [Math.round(w * scale), Math.round(h * scale)];
    // Setting a canvas's size clears and reallocates it: only when the camera's size changes.
    if (canvas.width !== cw || canvas.height !== ch) [canvas.width, canvas.height] = [cw, ch];
    context.drawImage(video, 0, 0, cw, ch);
    return context.getImageData(0, 0, cw, ch);
  };
  return async () => {
    if (luma) {
      try {
        const frame = await readLumaFrame(video, WASM_FRAME_LONG_SIDE);
        if (frame) return frame;
        // No VideoFrame, or frames without a luma plane: the canvas from now on.
        luma = false;
      } catch {
        // This frame could not be copied (not ready, or closed under us): draw it instead.
      }
    }
    return drawn();
  };
}

type FrameVideo = HTMLVideoElement & { requestVideoFrameCallback?(callback: () => void): number; cancelVideoFrameCallback?(handle: number): void };

/**
 * Shows `stream` in `video` and decodes frames until a code is read; then calls `onCode`
 * and stops the camera. Each new frame is read as soon as the previous one is done.
 */
export function scanStream(stream: MediaStream, element: HTMLVideoElement, onCode: (text: string) => void): CameraScan {
  const video = element as FrameVideo;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frameHandle: number | undefined;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    if (frameHandle !== undefined) video.cancelVideoFrameCallback?.(frameHandle);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute('playsinline', '');
  void video.play().catch(() => undefined);
  const readFrame = frameReader(video);
  let first = true;
  const next = () => {
    if (stopped) return;
    // requestVideoFrameCallback fires once per new camera frame; elsewhere poll briefly.
    if (video.requestVideoFrameCallback) frameHandle = video.requestVideoFrameCallback(() => void tick());
    else timer = setTimeout(() => void tick(), 40);
  };
  const tick = async () => {
    if (stopped) return;
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
      if (first) {
        first = false;
        mark('first-frame');
      }
      try {
        const { kind } = await loadDecoder();
        const started = performance.now();
        const source = kind === 'native' ? video : await readFrame();
        const [text] = source ? await decodeImage(source) : [];
        measureDetect(started);
        if (text !== undefined && !stopped) {
          mark('decoded');
          // No frame is read after this one; the verification (and its fetches) starts first,
          // and the camera is released in the next task: stopping its tracks takes tens of ms.
          stopped = true;
          onCode(text);
          setTimeout(stop, 0);
          return;
        }
      } catch {
        // A frame that cannot be read: try the next one.
      }
    }
    next();
  };
  next();
  return { stop };
}
