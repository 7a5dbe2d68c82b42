import { readFileSync } from "node:fs";
import path from "node:path";

import { ROOT } from "@/lib/cli/build-state";

/** The id Next gave a server action in the current build (what a browser sends as `Next-Action`). */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, process.env.NIANBAO_DIST_DIR || ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, value]) => value.filename === file && value.exportedName === exportedName);
  if (!entry) throw new Error(`server action ${file}#${exportedName} is not in the build`);
  return entry[0];
}

/** Every server action in the build, for the cross-origin sweep. */
export function listServerActions(): Array<{ id: string; file: string; name: string }> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, process.env.NIANBAO_DIST_DIR || ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, value]) => ({ id, file: value.filename, name: value.exportedName }));
}
