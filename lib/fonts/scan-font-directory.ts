import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import { parseSfnt, type SfntFace } from "./parse-sfnt";

export interface FontFile {
  path: string;
  faces: SfntFace[];
}

const FONT_EXTENSIONS = new Set([".ttf", ".otf", ".ttc", ".otc"]);
const CACHE_VERSION = 1;
const memory = new Map<string, { key: string; file: FontFile | undefined }>();

/** Faces as stored on disk: coverage ranges as plain number arrays. */
type StoredFace = Omit<SfntFace, "coverage"> & { coverage: number[] };
interface StoredCache {
  version: number;
  files: Record<string, { key: string; faces: StoredFace[] | null }>;
}

/**
 * The parsed faces of every font file seen, kept between processes in `.cache/font-scan.json` (or
 * NIANBAO_FONT_SCAN_CACHE) and keyed by each file's size and modification time, so a cold export reads no
 * font file that has not changed. A missing or unreadable cache only means the fonts are parsed again.
 */
function diskCachePath(): string {
  return process.env.NIANBAO_FONT_SCAN_CACHE || path.resolve(".cache", "font-scan.json");
}

let disk: StoredCache | undefined;
let isDiskDirty = false;

function loadDisk(): StoredCache {
  if (disk) return disk;
  try {
    const parsed = JSON.parse(readFileSync(diskCachePath(), "utf8")) as StoredCache;
    disk = parsed.version === CACHE_VERSION && parsed.files && typeof parsed.files === "object" ? parsed : { version: CACHE_VERSION, files: {} };
  } catch {
    disk = { version: CACHE_VERSION, files: {} };
  }
  return disk;
}

/** Writes the cache if it gained entries (to a scratch file, then renamed, so readers never see half of it). */
function saveDisk(): void {
  if (!isDiskDirty || !disk) return;
  const target = diskCachePath();
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    const scratch = `${target}.${process.pid}.tmp`;
    writeFileSync(scratch, JSON.stringify(disk));
    renameSync(scratch, target);
    isDiskDirty = false;
  } catch {
    // A read-only installation still works; it only parses the fonts each time.
  }
}

const toStored = (faces: SfntFace[]): StoredFace[] => faces.map((face) => ({ ...face, coverage: Array.from(face.coverage) }));
const fromStored = (faces: StoredFace[]): SfntFace[] => faces.map((face) => ({ ...face, coverage: Uint32Array.from(face.coverage) }));

function readFontFileCached(filePath: string): FontFile | undefined {
  let key: string;
  try {
    const info = statSync(filePath);
    if (!info.isFile()) return undefined;
    key = `${info.size}:${info.mtimeMs}`;
  } catch {
    return undefined;
  }
  const cached = memory.get(filePath);
  if (cached?.key === key) return cached.file;
  const stored = loadDisk().files[filePath];
  let file: FontFile | undefined;
  if (stored?.key === key) {
    file = stored.faces ? { path: filePath, faces: fromStored(stored.faces) } : undefined;
  } else {
    try {
      file = { path: filePath, faces: parseSfnt(readFileSync(filePath)) };
    } catch {
      file = undefined;
    }
    loadDisk().files[filePath] = { key, faces: file ? toStored(file.faces) : null };
    isDiskDirty = true;
  }
  memory.set(filePath, { key, file });
  return file;
}

/** Parses one font file; the result is cached by path, size and modification time. Unreadable files give undefined. */
export function readFontFile(filePath: string): FontFile | undefined {
  const file = readFontFileCached(filePath);
  saveDisk();
  return file;
}

export interface FontScan {
  /** Every parseable font file, sorted so choices are stable. */
  files: FontFile[];
  /** Font files (by extension) that could not be read or parsed: reported, never dropped without a word. */
  unreadable: string[];
}

/** The font files directly in `directory` or its sub-folders; a missing directory holds none. */
export function scanFontDirectoryReport(directory: string): FontScan {
  let entries: string[];
  try {
    entries = readdirSync(directory, { recursive: true }) as string[];
  } catch {
    return { files: [], unreadable: [] };
  }
  const scan: FontScan = { files: [], unreadable: [] };
  for (const entry of entries.filter((name) => FONT_EXTENSIONS.has(path.extname(name).toLowerCase())).sort()) {
    const filePath = path.join(directory, entry);
    const file = readFontFileCached(filePath);
    if (file) scan.files.push(file);
    else if (isRegularFile(filePath)) scan.unreadable.push(filePath);
  }
  saveDisk();
  return scan;
}

function isRegularFile(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return true;
  }
}

/** Every parseable font file directly in `directory` or its sub-folders (sorted, so choices are stable). */
export function scanFontDirectory(directory: string): FontFile[] {
  return scanFontDirectoryReport(directory).files;
}
