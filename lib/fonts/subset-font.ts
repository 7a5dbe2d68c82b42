import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The part of HarfBuzz's subsetter (harfbuzzjs' standalone harfbuzz-subset.wasm) used here. */
interface HarfBuzzSubset {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codePoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
/** Hints are useless for a stand-in face and make up a tenth of a CJK font. */
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

/** undefined: not loaded yet; null: harfbuzzjs cannot be found from the working directory. */
let harfbuzz: HarfBuzzSubset | null | undefined;
/** Faces stay loaded in the module's memory for the life of the process (a font file is read once). */
const faces = new Map<string, number>();
/** The last subsets made, so exporting the same report again does not subset again. */
const subsets = new Map<string, Uint8Array>();
const SUBSET_CACHE_SIZE = 24;

/** Resolved from the working directory (the repo root for `npm start`, the CLI, the job worker and tests), as bundlers rewrite module paths. */
function loadHarfBuzz(): HarfBuzzSubset | undefined {
  if (harfbuzz !== undefined) return harfbuzz ?? undefined;
  try {
    const wasmPath = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "index.js")).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm");
    const exports = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath))).exports as unknown as HarfBuzzSubset;
    exports._initialize?.();
    harfbuzz = exports;
  } catch {
    // Run outside the install folder: no subsetter, so nothing is embedded (the caller goes on without).
    harfbuzz = null;
  }
  return harfbuzz ?? undefined;
}

function loadFace(hb: HarfBuzzSubset, file: string, faceIndex: number): number {
  const key = `${file}#${faceIndex}`;
  const cached = faces.get(key);
  if (cached !== undefined) return cached;
  const data = readFileSync(file);
  const pointer = hb.malloc(data.byteLength);
  new Uint8Array(hb.memory.buffer).set(data, pointer);
  const blob = hb.hb_blob_create(pointer, data.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, faceIndex);
  hb.hb_blob_destroy(blob);
  faces.set(key, face);
  return face;
}

/**
 * The face `faceIndex` of a TrueType/OpenType file (or collection) cut down to the glyphs of `codePoints`, as a
 * standalone font file (CFF fonts stay CFF). Undefined when HarfBuzz cannot be loaded or cannot subset the face.
 */
export function subsetFont(file: string, faceIndex: number, codePoints: Iterable<number>): Uint8Array | undefined {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const cacheKey = `${file}#${faceIndex}#${String.fromCodePoint(...sorted)}`;
  const cached = subsets.get(cacheKey);
  if (cached) return cached;
  const hb = loadHarfBuzz();
  if (!hb) return undefined;
  const face = loadFace(hb, file, faceIndex);
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) return undefined;
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const codePoint of sorted) hb.hb_set_add(unicodes, codePoint);
  hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (!subset) return undefined;
  const blob = hb.hb_face_reference_blob(subset);
  const offset = hb.hb_blob_get_data(blob, 0);
  const bytes = new Uint8Array(hb.memory.buffer).slice(offset, offset + hb.hb_blob_get_length(blob));
  hb.hb_blob_destroy(blob);
  hb.hb_face_destroy(subset);
  if (bytes.byteLength === 0) return undefined;
  subsets.set(cacheKey, bytes);
  if (subsets.size > SUBSET_CACHE_SIZE) subsets.delete(subsets.keys().next().value!);
  return bytes;
}
