/**
 * A fake camera for headless Chromium (vc-tech-notes §2.3): a one-frame 4:2:0 YUV4MPEG2
 * file, 1280×720, with a PNG centred on white. The Y plane is the image's luma; U and V
 * are 128 (grey). Chromium loops the frame (`--use-file-for-fake-video-capture`).
 * Used by the benchmark and the browser tests.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

export function y4mFromPng(png: Buffer, file: string, width = 1280, height = 720): void {
  const image = PNG.sync.read(png);
  const y = Buffer.alloc(width * height, 255);
  const left = Math.floor((width - image.width) / 2);
  const top = Math.floor((height - image.height) / 2);
  for (let row = 0; row < image.height; row++) {
    for (let col = 0; col < image.width; col++) {
      const x = left + col;
      const yy = top + row;
      if (x < 0 || yy < 0 || x >= width || yy >= height) continue;
      const i = (row * image.width + col) * 4;
      const alpha = image.data[i + 3]! / 255;
      const luma = 0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!;
      y[yy * width + x] = Math.round(luma * alpha + 255 * (1 - alpha));
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii');
  writeFileSync(file, Buffer.concat([header, y, chroma]));
}

/** Chromium flags for this machine: no sandbox as root, and no background traffic off loopback. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
