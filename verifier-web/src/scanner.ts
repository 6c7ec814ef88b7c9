/**
 * Reading QR codes: the camera (rear camera first) and image files, decoded with the
 * barcode-detector ponyfill (zxing-cpp in WebAssembly). The .wasm is served next to the
 * bundle (build.mjs copies it and names it; never fetched from a CDN).
 */
import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';

/** The hashed file name of zxing_reader.wasm, set by build.mjs. */
declare const __ZXING_WASM__: string;

const wasmUrl = new URL(__ZXING_WASM__, import.meta.url).href;
prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });

let detector: BarcodeDetector | undefined;
const getDetector = () => (detector ??= new BarcodeDetector({ formats: ['qr_code'] }));

/** Starts loading the decoder (the .wasm, about 460 kB gzipped) before it is needed. */
export function warmUp(): void {
  prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) }, fireImmediately: true }).catch(() => undefined);
}

/** The texts of the QR codes in an image. */
export async function decodeImage(source: ImageBitmapSourceLike): Promise<string[]> {
  const codes = await getDetector().detect(source);
  return codes.map((c) => c.rawValue).filter((v) => v.length > 0);
}

type ImageBitmapSourceLike = Parameters<BarcodeDetector['detect']>[0];

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
 * Opens the camera into `video` and decodes frames until a code is read; then stops the
 * camera and calls `onCode`. Rejects when the camera cannot be opened.
 */
export async function scanWithCamera(video: HTMLVideoElement, onCode: (text: string) => void): Promise<CameraScan> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute('playsinline', '');
  await video.play().catch(() => undefined);
  const tick = async () => {
    if (stopped) return;
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
      try {
        const [text] = await decodeImage(video);
        if (text !== undefined && !stopped) {
          stop();
          onCode(text);
          return;
        }
      } catch {
        // A frame that cannot be read: try the next one.
      }
    }
    if (!stopped) timer = setTimeout(tick, 120);
  };
  void tick();
  return { stop };
}
