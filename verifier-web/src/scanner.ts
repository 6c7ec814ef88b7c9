/**
 * Reading QR codes from the camera and from image files. The browser's own
 * `BarcodeDetector` (Shape Detection API, https://wicg.github.io/shape-detection-api/)
 * is used when it exists and reads `qr_code`; otherwise the barcode-detector ponyfill
 * (zxing-cpp in WebAssembly) is loaded, from its own chunk. The .wasm is served next to the
 * bundle (build.mjs copies it and names it; never fetched from a CDN).
 */

/** User Timing marks for the bench, as camera.ts `mark` (not imported: that would put camera.ts in a chunk of its own). */
const mark = (name: 'decoder-ready' | 'first-frame' | 'decoded') => {
  try {
    performance.mark(`saiga:${name}`);
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

async function wasmDetector(): Promise<Detector> {
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  const wasmUrl = new URL(__ZXING_WASM__, import.meta.url).href;
  // Resolves once the wasm is compiled and instantiated, so the first frame decodes at once.
  await prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) }, fireImmediately: true });
  const detector = new BarcodeDetector({ formats: ['qr_code'] }) as unknown as Detector;
  // The browser compiles a wasm function when it first runs: one blank frame of the size the
  // camera frames are read at runs the per-pixel code once, so the first camera frame does not pay for it.
  const [w, h] = [WASM_FRAME_LONG_SIDE, Math.round((WASM_FRAME_LONG_SIDE * 9) / 16)];
  await detector.detect(new ImageData(new Uint8ClampedArray(w * h * 4).fill(255), w, h)).catch(() => undefined);
  return detector;
}

/** The decoder, loaded once; a failed load is retried at the next call. */
export function loadDecoder(): Promise<{ detector: Detector; kind: DecoderKind }> {
  loading ??= (async () => {
    const native = await nativeDetector();
    const found = native ? { detector: native, kind: 'native' as const } : { detector: await wasmDetector(), kind: 'wasm' as const };
    mark('decoder-ready');
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

function frameReader(video: HTMLVideoElement): () => ImageData | undefined {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return () => {
    const { videoWidth: w, videoHeight: h } = video;
    if (!context || w === 0 || h === 0) return undefined;
    const scale = Math.min(1, WASM_FRAME_LONG_SIDE / Math.max(w, h));
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    return context.getImageData(0, 0, canvas.width, canvas.height);
  };
}

type FrameVideo = HTMLVideoElement & { requestVideoFrameCallback?(callback: () => void): number; cancelVideoFrameCallback?(handle: number): void };

/**
 * Shows `stream` in `video` and decodes frames until a code is read; then stops the
 * camera and calls `onCode`. Each new frame is read as soon as the previous one is done.
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
        const source = kind === 'native' ? video : readFrame();
        const [text] = source ? await decodeImage(source) : [];
        if (text !== undefined && !stopped) {
          mark('decoded');
          stop();
          onCode(text);
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
