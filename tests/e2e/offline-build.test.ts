import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { REPO_ROOT, requireOrSkip } from "../helpers/environment";

interface SandboxResult {
  isHealthy: boolean;
  pages: Record<string, number>;
  attempts: Array<{ kind: string; target: string; from?: string }>;
  output: string;
}

/** The sandbox needs root (to make a network namespace) and the `unshare` and `ip` tools. */
function canMakeNetworkNamespace(): boolean {
  const probe = spawnSync("unshare", ["-n", "ip", "link", "set", "lo", "up"], { encoding: "utf8" });
  return probe.status === 0;
}

const isAvailable = requireOrSkip(canMakeNetworkNamespace(), "a network namespace (root, unshare, ip)");
const DIST_DIR = `${process.env.NIANBAO_DIST_DIR || ".next"}-offline`;
const TSCONFIG = path.join(REPO_ROOT, "tsconfig.json");

describe.skipIf(!isAvailable)("[OFFLINE] npm start builds and serves with no route to the outside", () => {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "nianbao-offline-"));
  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(path.join(REPO_ROOT, DIST_DIR), { recursive: true, force: true });
  });

  it(
    "[TELEMETRY]: the build and the server try no outside connection and print no telemetry notice",
    () => {
      // A fresh build every time: the build is where Next.js would announce and send telemetry.
      rmSync(path.join(REPO_ROOT, DIST_DIR), { recursive: true, force: true });
      const resultPath = path.join(workDir, "result.json");
      const configPath = path.join(workDir, "config.json");
      const home = path.join(workDir, "home");
      writeFileSync(
        configPath,
        JSON.stringify({
          root: REPO_ROOT,
          port: 39_517,
          proxyPort: 39_518,
          timeoutMs: 20 * 60_000,
          settleMs: 5_000,
          pages: ["/api/health", "/", "/login", "/setup"],
          resultPath,
          env: {
            // A fresh home: Next.js prints its notice and sends its first events only to a machine it has not seen.
            HOME: home,
            XDG_CONFIG_HOME: path.join(home, ".config"),
            NIANBAO_DIST_DIR: DIST_DIR,
            DATA_DIR: path.join(workDir, "data"),
            PORT: "39517",
            DATABASE_URL: "",
            // The test runner's NODE_ENV=test must not reach the build.
            NODE_ENV: null,
            // npm's own update check is the package manager's, not the app's; keep it out of the measurement.
            npm_config_update_notifier: "false",
            NO_UPDATE_NOTIFIER: "1",
          },
        }),
      );
      // Next.js adds a new build directory's type paths to tsconfig.json; the shared tree must not keep them.
      const tsconfigBefore = readFileSync(TSCONFIG, "utf8");
      const run = spawnSync("unshare", ["-n", process.execPath, path.join(REPO_ROOT, "tests/helpers/offline-sandbox.mjs"), configPath], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        timeout: 25 * 60_000,
      });
      writeFileSync(TSCONFIG, tsconfigBefore);
      expect(existsSync(resultPath), `sandbox did not report: ${run.stderr}`).toBe(true);
      const result = JSON.parse(readFileSync(resultPath, "utf8")) as SandboxResult;

      expect(result.isHealthy, result.output.slice(-4000)).toBe(true);
      expect(result.pages["/api/health"]).toBe(200);
      // A fresh installation sends sign-in to the first-run setup page.
      expect(result.pages["/login"]).toBe(307);
      expect(result.pages["/setup"]).toBe(200);
      expect(result.output).not.toMatch(/collects completely anonymous telemetry/i);
      expect(result.output).not.toMatch(/nextjs\.org\/telemetry/);
      expect(result.attempts).toEqual([]);

      // Issue #19, rough edge 14: the durability notice once per start; an honest build message with progress.
      expect(result.output.split("无 fsync").length - 1).toBe(1);
      expect(result.output).toContain("约需三到五分钟");
      expect(result.output).not.toContain("一两分钟");
      expect(result.output).toMatch(/构建完成，用时\d+分\d{2}秒/);
      expect(result.output).toContain("年报已启动：http://localhost:39517");
    },
    26 * 60_000,
  );
});
