/**
 * Opening the camera. This module is in the page's main bundle (not in the decoder's
 * chunk) so that the camera starts on the click itself, while the decoder is still
 * loading. The User Timing marks (`saiga:*`) let `npm run bench` report each part of
 * "camera to verdict" separately; they cost nothing when nobody reads them.
 */

/** Rear camera first; 1280×720 is plenty for a QR code that fills the frame. */
const CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
};

export function openCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) return Promise.reject(new DOMException('No camera API in this browser', 'NotSupportedError'));
  return navigator.mediaDevices.getUserMedia(CONSTRAINTS);
}

export type TimingMark = 'scan-click' | 'camera-open' | 'first-frame' | 'decoder-ready' | 'page-warm' | 'decoded' | 'verdict';

export function mark(name: TimingMark): void {
  try {
    performance.mark(`saiga:${name}`);
  } catch {
    /* no User Timing: nothing to measure */
  }
}
