import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = process.cwd();
const SOURCES = [
  "app",
  "components",
  "lib",
  "templates",
  "next.config.js",
  "package.json",
  "postcss.config.mjs",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
];

function newestSourceTime(entry: string): number {
  const info = statSync(entry, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (child === "node_modules" || child === "migrations") continue;
    newest = Math.max(newest, newestSourceTime(path.join(entry, child)));
  }
  return newest;
}

/** The production build is redone only when a source file changed since the last one. */
export function isBuildCurrent(): boolean {
  const buildId = path.join(ROOT, process.env.NIANBAO_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestSourceTime(path.join(ROOT, source)) <= builtAt);
}

export function nextBin(): string {
  return path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
}

/** The app's own server (replaces `next start`; adds the co-editing WebSocket): `node server.mjs -p PORT [-H HOST]`. */
export function serverEntry(): string {
  return path.join(ROOT, "server.mjs");
}
