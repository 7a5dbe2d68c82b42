import { readdirSync, readFileSync } from "node:fs";

import type { Report } from "@/lib/report-model";

import type { ApiSession } from "./api-session";
import { contentForSave } from "./save-stream";

export interface EditorState {
  session: ApiSession;
  reportId: string;
  base: Report;
  revision: number;
  /** The last save the server acknowledged (what must be in the database afterwards). */
  acknowledged: { revision: number; marker: string } | null;
}

export interface PhaseStats {
  saves: number;
  errors: number;
  conflicts: number;
  latencies: number[];
  seconds: number;
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

export function describeStats(stats: PhaseStats): string {
  const { latencies } = stats;
  return `${(stats.saves / stats.seconds).toFixed(1)} 次保存/秒，p50 ${percentile(latencies, 0.5).toFixed(0)} ms，p95 ${percentile(latencies, 0.95).toFixed(0)} ms，p99 ${percentile(latencies, 0.99).toFixed(0)} ms，错误 ${stats.errors}，冲突 ${stats.conflicts}（共 ${stats.saves} 次）`;
}

let sequence = 0;

/** One autosave: PUT on the editor's current revision; records latency and the acknowledged state. */
async function saveOnce(baseUrl: string, editor: EditorState, stats: PhaseStats): Promise<void> {
  const marker = `负载测试第${++sequence}次保存，编号${editor.reportId.slice(0, 8)}`;
  const started = performance.now();
  try {
    const response = await editor.session.request(`/api/reports/${editor.reportId}/content`, {
      method: "PUT",
      body: JSON.stringify({ baseRevision: editor.revision, content: contentForSave(editor.base, marker) }),
    });
    const body = (await response.json()) as { data?: { revision: number }; current?: { revision: number } };
    stats.latencies.push(performance.now() - started);
    if (response.status === 200 && body.data) {
      stats.saves++;
      editor.revision = body.data.revision;
      editor.acknowledged = { revision: body.data.revision, marker };
    } else if (response.status === 409) {
      stats.conflicts++;
      if (body.current) editor.revision = body.current.revision;
    } else stats.errors++;
  } catch {
    stats.errors++;
  }
  void baseUrl;
}

/** Every editor saves every `intervalMs` (0: back to back) for `seconds`, one request at a time each. */
export async function runEditors(baseUrl: string, editors: EditorState[], options: { intervalMs: number; seconds: number }): Promise<PhaseStats> {
  const stats: PhaseStats = { saves: 0, errors: 0, conflicts: 0, latencies: [], seconds: options.seconds };
  const deadline = Date.now() + options.seconds * 1000;
  await Promise.all(
    editors.map(async (editor, index) => {
      // Spread the first saves over one interval, as real editors do not type in step.
      await new Promise((resolve) => setTimeout(resolve, (options.intervalMs * index) / editors.length));
      while (Date.now() < deadline) {
        const started = Date.now();
        await saveOnce(baseUrl, editor, stats);
        const wait = options.intervalMs - (Date.now() - started);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, Math.max(0, deadline - Date.now()))));
      }
    }),
  );
  return stats;
}

/** Resident memory (MiB) of a process, from /proc/<pid>/status. */
export function residentMemoryMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : 0;
}

/** The app server: the child process of this one that runs `next start`. */
export function findServerPid(): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === process.pid && /next|server\.mjs/.test(readFileSync(`/proc/${entry}/cmdline`, "utf8"))) return Number(entry);
    } catch {
      // the process ended while scanning
    }
  }
  throw new Error("app server process not found");
}
