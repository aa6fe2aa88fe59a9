import { writeFile } from "node:fs/promises";
import QRCode from "qrcode";

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 10;

/**
 * A video for Chromium's fake camera (`--use-file-for-fake-video-capture`) that shows `text` as a
 * QR code, as a phone pointed at a ticket would see it. Y4M is a text header and raw I420
 * frames (a luma plane, then quarter-size chroma planes at neutral 128), so no encoder is needed.
 */
export async function writeQrCodeVideo(path: string, text: string): Promise<void> {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const modules = qr.modules.size;
  // A quiet zone of four modules on each side, as the QR standard asks.
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (modules + 8));
  const left = Math.floor((WIDTH - modules * scale) / 2);
  const top = Math.floor((HEIGHT - modules * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) luma.fill(16, (top + row * scale + y) * WIDTH + left + col * scale, (top + row * scale + y) * WIDTH + left + (col + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  await writeFile(path, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
}
