import { execFileSync } from "node:child_process";

/** A page rendered to 8-bit grey by pdftoppm, with its resolution. */
export interface GreyPage {
  width: number;
  height: number;
  dpi: number;
  pixels: Uint8Array;
}

/** Renders one page as PGM (no image library needed) at `dpi`. */
export function renderGrey(pdf: string, page: number, dpi = 200): GreyPage {
  const pgm = execFileSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), pdf], { maxBuffer: 256 * 1024 * 1024 });
  // Header: "P5\n<width> <height>\n255\n", then one byte per pixel.
  let offset = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[offset]!))) offset += 1;
    let field = "";
    while (!/\s/.test(String.fromCharCode(pgm[offset]!))) field += String.fromCharCode(pgm[offset++]!);
    fields.push(field);
  }
  offset += 1;
  const [, width, height] = fields.map(Number);
  return { width: width!, height: height!, dpi, pixels: pgm.subarray(offset, offset + width! * height!) };
}

const MM_PER_INCH = 25.4;

/** Ink box (mm from the page's top left) of the dark pixels inside a region given in mm, or undefined when blank. */
export function inkBox(
  page: GreyPage,
  region: { left: number; top: number; right: number; bottom: number },
  threshold = 128,
): { left: number; top: number; right: number; bottom: number } | undefined {
  const toPx = (mm: number) => Math.round((mm / MM_PER_INCH) * page.dpi);
  const toMm = (px: number) => (px / page.dpi) * MM_PER_INCH;
  let box: { x0: number; y0: number; x1: number; y1: number } | undefined;
  for (let y = Math.max(0, toPx(region.top)); y < Math.min(page.height, toPx(region.bottom)); y += 1) {
    for (let x = Math.max(0, toPx(region.left)); x < Math.min(page.width, toPx(region.right)); x += 1) {
      if (page.pixels[y * page.width + x]! >= threshold) continue;
      box = box ? { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: Math.max(box.y1, y) } : { x0: x, y0: y, x1: x, y1: y };
    }
  }
  return box && { left: toMm(box.x0), top: toMm(box.y0), right: toMm(box.x1 + 1), bottom: toMm(box.y1 + 1) };
}

/** Tops of the inked text rows (mm from the page top) inside a horizontal band: one entry per run of inked rows. */
export function inkRowTops(page: GreyPage, region: { left: number; top: number; right: number; bottom: number }, threshold = 128): number[] {
  const toPx = (mm: number) => Math.round((mm / MM_PER_INCH) * page.dpi);
  const tops: number[] = [];
  let wasInked = false;
  for (let y = Math.max(0, toPx(region.top)); y < Math.min(page.height, toPx(region.bottom)); y += 1) {
    let isInked = false;
    for (let x = toPx(region.left); x < toPx(region.right) && !isInked; x += 1) isInked = page.pixels[y * page.width + x]! < threshold;
    if (isInked && !wasInked) tops.push((y / page.dpi) * MM_PER_INCH);
    wasInked = isInked;
  }
  return tops;
}
