import { readFileSync } from "node:fs";
import path from "node:path";

import semver from "semver";
import { describe, expect, it } from "vitest";

import { REPO_ROOT } from "../../helpers/environment";

// Issue #19, rough edge 15: `npm install` on a fresh clone keeps package-lock.json as it is and warns about no
// engine, on every Node.js line we support. The checks read the lock as npm does, without the network.

/** The supported Node.js lines: 20.19+, 22.13+ (what the toolchain needs of 22) and 24. */
const SUPPORTED_NODE = "^20.19.0 || ^22.13.0 || ^24.0.0";
/** Servers we support: Linux on x64 and arm64 (Debian, Ubuntu). */
const PLATFORMS = [
  { os: "linux", cpu: "x64" },
  { os: "linux", cpu: "arm64" },
];

interface LockPackage {
  version?: string;
  engines?: { node?: string } | string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  optional?: boolean;
  devOptional?: boolean;
  link?: boolean;
}

interface PackageJson {
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  overrides?: Record<string, unknown>;
}

const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as PackageJson;
const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8")) as { lockfileVersion: number; packages: Record<string, LockPackage> };
const installed = Object.entries(lock.packages).filter(([location]) => location !== "");

/** npm's os/cpu filter: a list of allowed values, or of excluded ones written "!value". */
function allows(list: string[] | undefined, value: string): boolean {
  if (!list || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;
  return list.some((entry) => !entry.startsWith("!")) ? list.includes(value) : true;
}

const installsOn = (info: LockPackage, platform: { os: string; cpu: string }) => allows(info.os, platform.os) && allows(info.cpu, platform.cpu);

/** Where node (and npm) finds `name` from the package at `location`: its own node_modules, then each parent's. */
function resolve(location: string, name: string): string | undefined {
  let base = location;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const index = base.lastIndexOf("/node_modules/");
    base = index >= 0 ? base.slice(0, index) : "";
  }
}

describe("[PACKAGE] supported Node.js versions and a stable lock file", () => {
  it("package.json states the supported Node.js versions, and the lock records the same", () => {
    expect(packageJson.engines?.node).toBe(SUPPORTED_NODE);
    expect(lock.packages[""]?.engines).toEqual({ node: SUPPORTED_NODE });
    expect(semver.satisfies(process.version, SUPPORTED_NODE), `this Node.js ${process.version} is not a supported one`).toBe(true);
  });

  it("the lock's root lists exactly package.json's dependencies (npm would rewrite it otherwise)", () => {
    const root = lock.packages[""] as LockPackage & { devDependencies?: Record<string, string> };
    expect(root.dependencies).toEqual(packageJson.dependencies);
    expect(root.devDependencies).toEqual(packageJson.devDependencies);
  });

  it.each(PLATFORMS)("every package installed on $os/$cpu accepts every supported Node.js version (no EBADENGINE)", (platform) => {
    const refusing = installed
      .filter(([, info]) => installsOn(info, platform) && !Array.isArray(info.engines) && info.engines?.node)
      .filter(([, info]) => !semver.subset(SUPPORTED_NODE, (info.engines as { node: string }).node, { includePrerelease: true }))
      .map(([location, info]) => `${location}@${info.version} wants node ${(info.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });

  it("every dependency of every package resolves to a locked version in its range (npm install changes nothing)", () => {
    const overridden = new Set(
      Object.entries(packageJson.overrides ?? {}).flatMap(([parent, value]) => Object.keys(value as object).map((child) => `node_modules/${parent}>${child}`)),
    );
    const problems: string[] = [];
    for (const [location, info] of installed) {
      if (info.link) continue;
      const wanted = { ...info.dependencies, ...info.optionalDependencies };
      for (const [name, range] of Object.entries(wanted)) {
        const target = resolve(location, name);
        const isOptional = Boolean(info.optionalDependencies?.[name]);
        if (!target) {
          if (!isOptional) problems.push(`${location} needs ${name}@${range}: not in the lock`);
          continue;
        }
        const version = lock.packages[target]?.version ?? "";
        // An override replaces the range on purpose (docx's bundled nanoid: see package.json "overrides").
        if (overridden.has(`${location}>${name}`)) continue;
        if (!range.startsWith("npm:") && semver.validRange(range) && !semver.satisfies(version, range, { includePrerelease: true })) {
          problems.push(`${location} needs ${name}@${range}, the lock has ${version}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
