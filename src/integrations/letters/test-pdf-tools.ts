import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';

/**
 * Test helpers: read a PDF the way a person or a bank app would, with poppler (pdftotext, pdfinfo,
 * pdftoppm in /usr/bin) and a QR decoder (jsqr). Each call works on its own temporary file.
 */
const run = promisify(execFile);

async function withFile<T>(pdf: Buffer, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'incasso-letter-'));
  try {
    const file = path.join(dir, 'letter.pdf');
    await fs.writeFile(file, pdf);
    return await fn(file, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout`, with no-break and narrow no-break spaces as plain spaces (pages separated by form feeds). */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): Promise<string> {
  return withFile(pdf, async (file) => {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.replace(/[\u00a0\u202f]/g, ' ');
  });
}

/** `pdfinfo` as key → value. */
export function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    const info: Record<string, string> = {};
    for (const l of stdout.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(l);
      if (m) info[m[1]!.trim()] = m[2]!.trim();
    }
    return info;
  });
}

export async function pageCount(pdf: Buffer): Promise<number> {
  return Number((await pdfInfo(pdf)).Pages);
}

const MM = 300 / 25.4;

/**
 * The Swiss QR code of the QR-bill on `page` (1-based), decoded: the page rendered at 300 dpi
 * (`pdftoppm -r 300`), cropped to the payment part's QR code (67 mm from the left, 17 mm below the
 * bill's top edge, 46 mm square) with a margin, and read with jsQR. Returns the payload or null.
 * Also returns poppler's stderr, which must stay empty for a well-formed PDF.
 */
export function decodeQrBill(pdf: Buffer, page: number): Promise<{ payload: string | null; stderr: string }> {
  return withFile(pdf, async (file, dir) => {
    const top = 297 - 105;
    const crop = ['-x', String(Math.round(60 * MM)), '-y', String(Math.round((top + 10) * MM)), '-W', String(Math.round(60 * MM)), '-H', String(Math.round(60 * MM))];
    const { stderr } = await run('pdftoppm', ['-r', '300', '-png', '-f', String(page), '-l', String(page), ...crop, '-singlefile', file, path.join(dir, 'qr')]);
    const png = PNG.sync.read(await fs.readFile(path.join(dir, 'qr.png')));
    // jsqr is CommonJS: its module object is the function and also carries it as `default` (what the types describe).
    const code = jsqr.default(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    return { payload: code ? code.data : null, stderr };
  });
}

/**
 * The pagoPA QR code on `page` (1-based), decoded: the right part of the page (from 120 mm, where the
 * notice box puts it; its height depends on the letter's length) rendered at `dpi` and read with jsQR.
 * Returns the payload or null, and poppler's stderr.
 */
export function decodeQr(pdf: Buffer, page: number, dpi = 150): Promise<{ payload: string | null; stderr: string }> {
  return withFile(pdf, async (file, dir) => {
    const px = dpi / 25.4;
    const crop = ['-x', String(Math.round(120 * px)), '-y', '0', '-W', String(Math.round(90 * px)), '-H', String(Math.round(297 * px))];
    const { stderr } = await run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), ...crop, '-singlefile', file, path.join(dir, 'page')]);
    const png = PNG.sync.read(await fs.readFile(path.join(dir, 'page.png')));
    const code = jsqr.default(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    return { payload: code ? code.data : null, stderr };
  });
}

/**
 * Every pagoPA QR code on `page` (1-based), for a page with several (a plan's notices, one per
 * instalment): the right part of the page rendered once, then read band by band (32 mm high, every
 * 4 mm: one code with its quiet zone, never two) with jsQR. Returns the distinct payloads, top to bottom.
 */
export function decodeQrs(pdf: Buffer, page: number, dpi = 150): Promise<{ payloads: string[]; stderr: string }> {
  return withFile(pdf, async (file, dir) => {
    const px = dpi / 25.4;
    const crop = ['-x', String(Math.round(120 * px)), '-y', '0', '-W', String(Math.round(90 * px)), '-H', String(Math.round(297 * px))];
    const { stderr } = await run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), ...crop, '-singlefile', file, path.join(dir, 'page')]);
    const png = PNG.sync.read(await fs.readFile(path.join(dir, 'page.png')));
    const payloads: string[] = [];
    const h = Math.round(32 * px);
    for (let top = 0; top + h <= png.height; top += Math.round(4 * px)) {
      const rows = png.data.subarray(top * png.width * 4, (top + h) * png.width * 4);
      const code = jsqr.default(new Uint8ClampedArray(rows.buffer, rows.byteOffset, rows.byteLength), png.width, h);
      if (code && !payloads.includes(code.data)) payloads.push(code.data);
    }
    return { payloads, stderr };
  });
}

/**
 * The Poste Data Matrix (Bollettino Postale PA) on `page` (1-based), decoded: the column where the
 * notice box puts its symbols (the right 25 mm inside the box, 161–186 mm from the left edge) rendered
 * at 300 dpi; every band of dark rows about 25 mm high (the QR code, the Data Matrix) is cut out with
 * a white margin and read with @zxing/library's DataMatrixReader on a luminance source built from the
 * image's pixels. Returns the payloads found (the QR code yields none) and poppler's stderr.
 */
export function decodeDataMatrix(pdf: Buffer, page: number): Promise<{ payloads: string[]; stderr: string }> {
  return withFile(pdf, async (file, dir) => {
    const x0 = 159.5;
    const crop = ['-x', String(Math.round(x0 * MM)), '-y', '0', '-W', String(Math.round(29 * MM)), '-H', String(Math.round(297 * MM))];
    const { stderr } = await run('pdftoppm', ['-r', '300', '-gray', '-png', '-f', String(page), '-l', String(page), ...crop, '-singlefile', file, path.join(dir, 'col')]);
    const png = PNG.sync.read(await fs.readFile(path.join(dir, 'col.png')));
    const { width, height } = png;
    // Luminance of each pixel (pngjs hands RGBA even for a grey PNG).
    const lum = new Uint8ClampedArray(width * height);
    for (let i = 0; i < width * height; i++) lum[i] = png.data[i * 4]!;
    const darkRow = (y: number) => {
      for (let x = 0; x < width; x++) if (lum[y * width + x]! < 128) return true;
      return false;
    };
    const bands: [number, number][] = [];
    for (let y = 0; y < height; y++) {
      if (!darkRow(y)) continue;
      let end = y;
      while (end + 1 < height && darkRow(end + 1)) end++;
      const mm = (end - y + 1) / MM;
      if (mm > 20 && mm < 30) bands.push([y, end]);
      y = end;
    }
    const { BinaryBitmap, DataMatrixReader, DecodeHintType, HybridBinarizer, RGBLuminanceSource } = await import('@zxing/library');
    const payloads: string[] = [];
    for (const [start, end] of bands) {
      const top = Math.max(0, start - Math.round(2 * MM));
      const h = Math.min(height, end + Math.round(2 * MM)) - top;
      const source = new RGBLuminanceSource(lum.slice(top * width, (top + h) * width), width, h);
      for (const pure of [false, true]) {
        try {
          const hints = new Map<import('@zxing/library').DecodeHintType, unknown>(pure ? [[DecodeHintType.PURE_BARCODE, true]] : []);
          payloads.push(new DataMatrixReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText());
          break;
        } catch {
          // Not a Data Matrix (the QR code), or not found this way.
        }
      }
    }
    return { payloads, stderr };
  });
}
