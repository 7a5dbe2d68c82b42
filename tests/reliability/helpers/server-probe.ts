import { readFileSync } from "node:fs";
import http from "node:http";

/** Resident memory of one process in MB. */
export function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : 0;
}

export interface HealthWatch {
  /** Slowest /api/health answer seen (ms), and every failure (non-200 or no answer within 1 s). */
  slowestMs: number;
  failures: string[];
  checks: number;
  stop(): Promise<void>;
}

function healthOnce(baseUrl: string): Promise<number> {
  // A new connection each time (no keep-alive pool): a socket the server closed while idle is not a failure.
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}/api/health`, { agent: false, timeout: 5_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("timeout", () => request.destroy(new Error("no answer within 5 s")));
    request.on("error", reject);
  });
}

/** Asks /api/health every `intervalMs` (one at a time) until stopped; `during` names what was running, for failures. */
export function watchHealth(baseUrl: string, intervalMs = 250, during: () => string = () => ""): HealthWatch {
  let isRunning = true;
  const watch: HealthWatch = { slowestMs: 0, failures: [], checks: 0, stop: async () => undefined };
  const loop = (async () => {
    while (isRunning) {
      const started = performance.now();
      try {
        const status = await healthOnce(baseUrl);
        const ms = performance.now() - started;
        watch.slowestMs = Math.max(watch.slowestMs, ms);
        if (status !== 200) watch.failures.push(`HTTP ${status}`);
        if (ms >= 1_000) watch.failures.push(`${Math.round(ms)} ms at ${new Date().toISOString()} ${during()}`.trim());
      } catch (error) {
        watch.failures.push(`no answer: ${error instanceof Error ? error.message : String(error)} ${during()}`.trim());
      }
      watch.checks += 1;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  watch.stop = async () => {
    isRunning = false;
    await loop;
  };
  return watch;
}
