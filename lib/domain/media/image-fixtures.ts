import { crc32 } from "node:zlib";
import sharp from "sharp";

/** A real image made on the spot (a gradient, so encoders have something to do): no binary fixtures. */
export async function testImage(
  options: { width?: number; height?: number; format?: "jpeg" | "png" | "webp" | "avif" | "gif"; orientation?: number } = {},
): Promise<Buffer> {
  const { width = 1700, height = 900, format = "jpeg", orientation } = options;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#1d4ed8"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  let image = sharp(Buffer.from(svg));
  if (orientation) image = image.withMetadata({ orientation });
  if (format === "jpeg") image = image.withExif({ IFD0: { Copyright: "Evently test", Artist: "A. Photographer" } });
  return image.toFormat(format).toBuffer();
}

/** A valid PNG whose header claims `width` × `height` pixels: the shape of a decompression bomb. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await testImage({ width: 8, height: 8, format: "png" }));
  // IHDR data starts at byte 16 (8 signature + 4 length + 4 type); its CRC follows the 13 data bytes.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
