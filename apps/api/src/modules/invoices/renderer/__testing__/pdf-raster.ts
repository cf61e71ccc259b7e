/**
 * Renders a PDF the way a reader sees it, with Debian's poppler-utils (`pdftoppm`, `pdftotext`;
 * `.ci/run` installs them): the text as laid out, and a grey-scale raster to test regions of the page.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DPI = 50;
const POINTS_PER_INCH = 72;

export interface Raster {
  width: number;
  height: number;
  /** How many pixels in the box (PDF points from the top left) are darker than mid-grey. */
  darkPixels(box: { x: number; y: number; width: number; height: number }): number;
}

/** `pdftoppm -gray`'s first page as a PGM (P5) raster; `pngFile` also saves a PNG for people. */
export function rasterize(pdf: Buffer, pngFile?: string): Raster {
  const dir = mkdtempSync(path.join(tmpdir(), 'apilink-pdf-'));
  try {
    const input = path.join(dir, 'doc.pdf');
    writeFileSync(input, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(DPI), '-f', '1', '-l', '1', '-singlefile', input, path.join(dir, 'page')]);
    if (pngFile) {
      mkdirSync(path.dirname(pngFile), { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', input, pngFile.replace(/\.png$/, '')]);
    }
    return parsePgm(readFileSync(path.join(dir, 'page.pgm')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The document's text in reading order (`pdftotext -layout`). */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

function parsePgm(file: Buffer): Raster {
  // Header: "P5\n<width> <height>\n<maxval>\n", then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const [whole, width, height] = [header[0], Number(header[1]), Number(header[2])];
  const pixels = file.subarray(whole.length);
  const scale = DPI / POINTS_PER_INCH;
  return {
    width,
    height,
    darkPixels: (box) => {
      let dark = 0;
      const [x0, y0] = [Math.floor(box.x * scale), Math.floor(box.y * scale)];
      const [x1, y1] = [Math.min(width, Math.ceil((box.x + box.width) * scale)), Math.min(height, Math.ceil((box.y + box.height) * scale))];
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (pixels[y * width + x] < 128) dark++;
      return dark;
    },
  };
}
