import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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

/**
 * `next build` writes its build directory's type paths into tsconfig.json (and reformats it) and points the
 * git-ignored next-env.d.ts at that directory. A build into a directory of its own (NIANBAO_DIST_DIR, used by
 * parallel test runs and benches) must leave the tree as it found it, or `tsc` and git see another run's build.
 * Call before the build; the returned function puts both files back byte for byte.
 */
export function keepTypeScriptFilesAcrossBuild(root = ROOT, distDir = process.env.NIANBAO_DIST_DIR): () => void {
  const ownDistDir = Boolean(distDir) && distDir !== ".next";
  const files = ["tsconfig.json", ...(ownDistDir ? ["next-env.d.ts"] : [])].map((name) => path.join(root, name));
  const saved = files.map((file) => ({ file, bytes: existsSync(file) ? readFileSync(file) : null }));
  return () => {
    for (const { file, bytes } of saved) {
      if (bytes === null) rmSync(file, { force: true });
      else if (!existsSync(file) || !readFileSync(file).equals(bytes)) writeFileSync(file, bytes);
    }
  };
}

/** `next build` in this process's build directory, waiting for it; true when it succeeded. */
export function buildAppSync(stdio: "inherit" | "ignore" = "inherit"): boolean {
  const restore = keepTypeScriptFilesAcrossBuild();
  try {
    const build = spawnSync(process.execPath, [nextBin(), "build"], {
      cwd: ROOT,
      stdio,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    return build.status === 0;
  } finally {
    restore();
  }
}

/**
 * The environment of the app's server process: production, no telemetry, and glibc's allocator told to return
 * freed memory (at most two malloc arenas, trimmed above 64 KiB). Without it a refused 20 MB upload leaves the
 * server's resident memory raised long after V8 has freed the buffers. Values already set by the operator win.
 */
export function serverProcessEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extra,
    MALLOC_ARENA_MAX: extra.MALLOC_ARENA_MAX ?? process.env.MALLOC_ARENA_MAX ?? "2",
    MALLOC_TRIM_THRESHOLD_: extra.MALLOC_TRIM_THRESHOLD_ ?? process.env.MALLOC_TRIM_THRESHOLD_ ?? "65536",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** The app's own server (replaces `next start`; adds the co-editing WebSocket): `node lib/server/server.mjs -p PORT [-H HOST]`. */
export function serverEntry(): string {
  return path.join(ROOT, "lib", "server", "server.mjs");
}
