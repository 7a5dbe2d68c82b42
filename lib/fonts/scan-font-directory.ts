import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { parseSfnt, type SfntFace } from "./parse-sfnt";

export interface FontFile {
  path: string;
  faces: SfntFace[];
}

const FONT_EXTENSIONS = new Set([".ttf", ".otf", ".ttc", ".otc"]);
const cache = new Map<string, { key: string; file: FontFile | undefined }>();

/** Parses one font file; the result is cached by path, size and modification time. Unreadable files give undefined. */
export function readFontFile(filePath: string): FontFile | undefined {
  let key: string;
  try {
    const info = statSync(filePath);
    if (!info.isFile()) return undefined;
    key = `${info.size}:${info.mtimeMs}`;
  } catch {
    return undefined;
  }
  const cached = cache.get(filePath);
  if (cached?.key === key) return cached.file;
  let file: FontFile | undefined;
  try {
    file = { path: filePath, faces: parseSfnt(readFileSync(filePath)) };
  } catch {
    file = undefined;
  }
  cache.set(filePath, { key, file });
  return file;
}

/** Every parseable font file directly in `directory` or its sub-folders (sorted, so choices are stable). */
export function scanFontDirectory(directory: string): FontFile[] {
  let entries: string[];
  try {
    entries = readdirSync(directory, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return entries
    .filter((entry) => FONT_EXTENSIONS.has(path.extname(entry).toLowerCase()))
    .sort()
    .map((entry) => readFontFile(path.join(directory, entry)))
    .filter((file): file is FontFile => file !== undefined);
}
