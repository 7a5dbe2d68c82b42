import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { keepTypeScriptFilesAcrossBuild } from "@/lib/cli/build-state";

const TSCONFIG = '{\n  "include": ["next-env.d.ts", "**/*.ts", ".next/types/**/*.ts"]\n}\n';
const NEXT_ENV = '/// <reference types="next" />\nimport "./.next/types/routes.d.ts";\n';

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What `next build` does to the two files when it builds into `distDir`. */
function buildInto(distDir: string): void {
  writeFileSync(path.join(root, "tsconfig.json"), TSCONFIG.replace('".next/types/**/*.ts"', `".next/types/**/*.ts",\n    "${distDir}/types/**/*.ts"`));
  writeFileSync(path.join(root, "next-env.d.ts"), NEXT_ENV.replace(".next/", `${distDir}/`));
}

describe("keepTypeScriptFilesAcrossBuild", () => {
  it("puts tsconfig.json and next-env.d.ts back byte for byte after a build into a directory of its own", () => {
    root = mkdtempSync(path.join(os.tmpdir(), "nianbao-build-"));
    writeFileSync(path.join(root, "tsconfig.json"), TSCONFIG);
    writeFileSync(path.join(root, "next-env.d.ts"), NEXT_ENV);
    const restore = keepTypeScriptFilesAcrossBuild(root, ".next-e2e");
    buildInto(".next-e2e");
    expect(readFileSync(path.join(root, "tsconfig.json"), "utf8")).toContain(".next-e2e");
    restore();
    expect(readFileSync(path.join(root, "tsconfig.json"), "utf8")).toBe(TSCONFIG);
    expect(readFileSync(path.join(root, "next-env.d.ts"), "utf8")).toBe(NEXT_ENV);
  });

  it("removes a next-env.d.ts that only the other directory's build wrote", () => {
    root = mkdtempSync(path.join(os.tmpdir(), "nianbao-build-"));
    writeFileSync(path.join(root, "tsconfig.json"), TSCONFIG);
    const restore = keepTypeScriptFilesAcrossBuild(root, ".next-bench");
    buildInto(".next-bench");
    restore();
    expect(existsSync(path.join(root, "next-env.d.ts"))).toBe(false);
    expect(readFileSync(path.join(root, "tsconfig.json"), "utf8")).toBe(TSCONFIG);
  });

  it("leaves the default build's next-env.d.ts, which the developer's own tools use", () => {
    root = mkdtempSync(path.join(os.tmpdir(), "nianbao-build-"));
    writeFileSync(path.join(root, "tsconfig.json"), TSCONFIG);
    const restore = keepTypeScriptFilesAcrossBuild(root, undefined);
    buildInto(".next");
    restore();
    expect(readFileSync(path.join(root, "next-env.d.ts"), "utf8")).toBe(NEXT_ENV);
    expect(readFileSync(path.join(root, "tsconfig.json"), "utf8")).toBe(TSCONFIG);
  });
});
