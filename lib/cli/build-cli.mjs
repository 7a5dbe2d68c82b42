// Compiles the command-line interface to plain JavaScript in .cache/cli/ so that `nianbao` and `npm start`
// run under node directly, without compiling TypeScript at every start. Each command is its own chunk and is
// loaded only when it runs; node_modules stay external and load only where a command imports them.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Builds live in .cache/cli/<version>/: a new build never overwrites one that another process is running. */
export const CLI_CACHE_DIR = path.join(ROOT, ".cache", "cli");
const SOURCE_DIRS = ["lib", "templates"];

/** Newest modification time of the sources the CLI is built from (the build is redone only when they change). */
function newestSource(entry) {
  const info = statSync(entry, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return /\.(ts|mts|mjs|json|typ)$/.test(entry) ? info.mtimeMs : 0;
  let newest = info.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "node_modules") continue;
    newest = Math.max(newest, newestSource(path.join(entry, child)));
  }
  return newest;
}

/** The directory of the build that matches the current sources (it may not exist yet). */
export function currentCliDir() {
  const time = Math.max(...SOURCE_DIRS.map((dir) => newestSource(path.join(ROOT, dir))), statSync(path.join(ROOT, "package.json")).mtimeMs);
  return path.join(CLI_CACHE_DIR, `v${Math.floor(time).toString(36)}`);
}

/** Compiles the CLI into `target` (built aside, then renamed into place, so readers never see half a build). */
export async function buildCli(target = currentCliDir()) {
  const { build } = await import("esbuild");
  const scratch = `${target}.tmp-${process.pid}-${Date.now().toString(36)}`;
  await build({
    absWorkingDir: ROOT,
    entryPoints: { index: "lib/cli/index.ts" },
    outdir: scratch,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    // `server-only` guards client bundles; the CLI is a server, as under `tsx --conditions=react-server`.
    alias: { "@": ROOT, "server-only": path.join(ROOT, "node_modules", "server-only", "empty.js") },
    conditions: ["react-server"],
    tsconfig: path.join(ROOT, "tsconfig.json"),
    // `require` for modules written against CommonJS globals.
    banner: { js: `import { createRequire as __nianbaoCreateRequire } from "node:module"; const require = __nianbaoCreateRequire(import.meta.url);` },
    logLevel: "error",
    legalComments: "none",
  });
  try {
    renameSync(scratch, target);
  } catch (error) {
    // Another process finished the same build first: use theirs.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(path.join(target, "index.mjs"))) throw error;
  }
  for (const old of readdirSync(CLI_CACHE_DIR)) {
    const full = path.join(CLI_CACHE_DIR, old);
    if (full === target) continue;
    // Older builds (and scratch left by a killed build) an hour old or more are removed.
    const info = statSync(full, { throwIfNoEntry: false });
    if (info && Date.now() - info.mtimeMs > 3_600_000) rmSync(full, { recursive: true, force: true });
  }
  return target;
}

/** The compiled CLI's entry, building it first when the sources are newer than the last build. */
export async function ensureCliBuild() {
  const target = currentCliDir();
  if (!existsSync(path.join(target, "index.mjs"))) await buildCli(target);
  return path.join(target, "index.mjs");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  ensureCliBuild().then(
    (entry) => console.log(`[年报] 命令行已编译：${path.relative(ROOT, entry)}（${Date.now() - started} ms）`),
    (error) => {
      console.error(`[年报] 命令行编译失败：${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
