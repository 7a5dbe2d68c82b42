/**
 * Which modules a browser chunk is made of, from its source map: the minified bytes each package (or each of the
 * app's folders) contributes. Used by the editor bench when the build has browser source maps
 * (NIANBAO_BROWSER_SOURCEMAPS=1 NIANBAO_DIST_DIR=.next-maps); a chunk without a map is listed as one block.
 */

interface RawMap {
  sources: string[];
  mappings: string;
}

interface IndexMap {
  sections: Array<{ offset: { line: number; column: number }; map: RawMap }>;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes one VLQ segment ("AAgBC") into its numbers. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const character of segment) {
    const digit = BASE64.indexOf(character);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** "node_modules/@tiptap/core/dist/index.js" → "@tiptap/core"; "components/editor/body-editor.tsx" → "components/editor". */
export function moduleGroup(source: string): string {
  const path = source.replace(/^turbopack:\/\/\/\[project\]\//, "").replace(/^\[project\]\//, "");
  const inModules = path.lastIndexOf("node_modules/");
  if (inModules >= 0) {
    const parts = path.slice(inModules + "node_modules/".length).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = path.split("/");
  return parts.length > 2 ? parts.slice(0, 2).join("/") : path;
}

/** Bytes of `code` per module group, attributed by the map's segments (each runs to the next one on its line). */
function addSizes(map: RawMap, lines: string[], lineOffset: number, columnOffset: number, sizes: Map<string, number>): void {
  let sourceIndex = 0;
  map.mappings.split(";").forEach((line, lineIndex) => {
    const text = lines[lineIndex + lineOffset] ?? "";
    const firstColumn = lineIndex === 0 ? columnOffset : 0;
    let column = 0;
    const segments: Array<{ column: number; source: number | null }> = [];
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const values = decodeSegment(segment);
      column += values[0] ?? 0;
      if (values.length >= 4) {
        sourceIndex += values[1]!;
        segments.push({ column: column + firstColumn, source: sourceIndex });
      } else segments.push({ column: column + firstColumn, source: null });
    }
    segments.forEach((segment, index) => {
      const end = segments[index + 1]?.column ?? text.length;
      const group = segment.source === null ? "(其他)" : moduleGroup(map.sources[segment.source] ?? "?");
      sizes.set(group, (sizes.get(group) ?? 0) + Math.max(0, end - segment.column));
    });
  });
}

/** Minified bytes per module group of one chunk, largest first; null when the map cannot be read. */
export function chunkModules(code: string, map: unknown): Array<[string, number]> | null {
  const lines = code.split("\n");
  const sizes = new Map<string, number>();
  if (map && typeof map === "object" && "sections" in map) {
    for (const section of (map as IndexMap).sections) addSizes(section.map, lines, section.offset.line, section.offset.column, sizes);
  } else if (map && typeof map === "object" && "mappings" in map) addSizes(map as RawMap, lines, 0, 0, sizes);
  else return null;
  return [...sizes].sort((left, right) => right[1] - left[1]);
}

/** The chunk's `//# sourceMappingURL=` target, resolved against its own address. */
export function sourceMapUrl(code: string, chunkUrl: string): string | null {
  const match = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code);
  return match ? new URL(match[1]!, chunkUrl).toString() : null;
}
