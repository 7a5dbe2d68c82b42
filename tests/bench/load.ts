/**
 * `npm run bench:load`: 50 autosaving editors against the built app on PGlite and on PostgreSQL, then more load
 * until p99 passes 500 ms, then exports during saves. A benchmark, never a test. Flags: --duration <s> (steady
 * phase, default 60), --step <s> (each ramp step, default 12), --editors <n> (default 50), --only pglite|postgres.
 * Then co-editing (load-collab.ts): --collab-people <n> (20) colleagues co-edit one report live through the server's
 * Hocuspocus endpoint, --collab-same-item <n> (8) of them in one item, for --collab-seconds <s> (30) while the editors
 * autosave and exports run; keystroke → other windows p50/p99, updates/s, and every character typed checked in
 * every window, in the report read through the app, and in the database after the server stopped.
 * Last, one more signed-in user sends the issue-20 attacks in a loop while the editors autosave.
 * --phase collab runs only the co-editing phase (--collab-alone: without the editors and exports beside it); --reuse-build serves the existing build even when sources changed.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";

import { buildAppSync, isBuildCurrent, ROOT } from "@/lib/cli/build-state";
import * as tables from "@/lib/db/schema";
import { reportSchema } from "@/lib/report-model";

import { SEED_PASSWORD } from "../fixtures/factories";
import { deepNestedHtml, longPastedText, manyParagraphsDocx, mediaBombDocx, sharedStreamPdf } from "../reliability/helpers/abuse-files";
import { signInApi } from "../reliability/helpers/api-session";
import { describeStats, findServerPid, percentile, residentMemoryMb, runEditors, type EditorState } from "../reliability/helpers/load-editors";
import { reliabilityPostgresUrl } from "../reliability/helpers/postgres-url";
import { startReliabilityApp, type DbKind, type ReliabilityApp } from "../reliability/helpers/reliability-app";
import { markerOf } from "../reliability/helpers/save-stream";

import { describeCoEditing, missingInDatabase, runCoEditing, seedCoEditing, type CoEditingSeed } from "./load-collab";

const P99_LIMIT_MS = 500;
const RAMP_INTERVALS_MS = [1000, 500, 250, 0];

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}
const DURATION_S = flag("duration", 60);
const STEP_S = flag("step", 12);
const EDITORS = flag("editors", 50);
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const PHASE = process.argv.includes("--phase") ? process.argv[process.argv.indexOf("--phase") + 1] : undefined;
const COLLAB_PEOPLE = flag("collab-people", 20);
const COLLAB_SAME_ITEM = flag("collab-same-item", 8);
const COLLAB_SECONDS = flag("collab-seconds", 30);
const KEYSTROKE_MS = 200;
/** Each of the two exporters of the co-editing phase waits this long between exports (0: back to back). */
const EXPORT_PAUSE_MS = flag("collab-export-pause", 2000);
/** Co-editing with no autosaving editors and no exports beside it (for comparison). */
const COLLAB_ALONE = process.argv.includes("--collab-alone");

const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");

async function signInAll(subject: ReliabilityApp): Promise<EditorState[]> {
  const editors: EditorState[] = [];
  for (let start = 0; start < subject.editors.length; start += 10) {
    const batch = subject.editors.slice(start, start + 10);
    const sessions = await Promise.all(batch.map((editor) => signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD)));
    batch.forEach((editor, index) =>
      editors.push({ session: sessions[index]!, reportId: editor.reportId, base: editor.content, revision: 1, acknowledged: null }),
    );
  }
  return editors;
}

async function exportsDuringSaves(subject: ReliabilityApp, editors: EditorState[]): Promise<void> {
  const pid = findServerPid();
  // Warm both exporters first: the PDF engine thread and its fonts stay loaded by design, a leak would not.
  for (const format of ["pdf", "docx"]) await (await editors[0]!.session.request(`/api/reports/${editors[0]!.reportId}/export?format=${format}`)).arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const before = residentMemoryMb(pid);
  let exportsDone = 0;
  let exportsFailed = 0;
  const exportTimes: number[] = [];
  const saving = runEditors(subject.app.baseUrl, editors, { intervalMs: 2000, seconds: 25 });
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMemoryMb(pid))), 200);
  await Promise.all(
    editors.slice(0, 10).map(async (editor, index) => {
      const started = performance.now();
      const response = await editor.session.request(`/api/reports/${editor.reportId}/export?format=${index % 2 === 0 ? "pdf" : "docx"}`);
      await response.arrayBuffer();
      exportTimes.push(performance.now() - started);
      if (response.status === 200) exportsDone++;
      else exportsFailed++;
    }),
  );
  const saves = await saving;
  clearInterval(sampler);
  let after = residentMemoryMb(pid);
  for (let waited = 0; waited < 20 && after > before * 1.2 + 32; waited++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    after = residentMemoryMb(pid);
  }
  console.log(`  导出：10 个并发（5 PDF + 5 DOCX）成功 ${exportsDone}，失败 ${exportsFailed}，最长 ${Math.max(...exportTimes).toFixed(0)} ms`);
  console.log(`  导出期间保存：${describeStats(saves)}${percentile(saves.latencies, 0.99) > P99_LIMIT_MS ? "（p99 超过 500 ms）" : "（p99 在 500 ms 内）"}`);
  console.log(
    `  服务进程内存 RSS（导出器预热后）：导出前 ${before.toFixed(0)} MiB，峰值 ${peak.toFixed(0)} MiB，导出后 ${after.toFixed(0)} MiB${after <= before * 1.2 + 32 ? "（已回落）" : "（未回落到导出前水平）"}`,
  );
}

/** One signed-in user sending every issue-20 attack in a loop while the editors autosave. */
async function abuseDuringSaves(subject: ReliabilityApp, editors: EditorState[], abuser: EditorState): Promise<void> {
  const baseUrl = subject.app.baseUrl;
  const upload = (fileName: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
    return fetch(`${baseUrl}/api/reports/import`, { method: "POST", body: form, headers: { Origin: baseUrl, Cookie: abuser.session.jar.header() } });
  };
  // Built before the phase: building them takes this process seconds, which would count against the editors' latencies.
  const [pdf, paragraphs, bomb, text, html] = [
    sharedStreamPdf(500, 20_000),
    manyParagraphsDocx(1_400_000),
    mediaBombDocx(100),
    JSON.stringify({ text: longPastedText(1_900_000) }),
    new TextEncoder().encode(deepNestedHtml(10)),
  ];
  const attacks: Array<[string, () => Promise<Response>]> = [
    ["PDF 共享内容流", () => upload("a.pdf", pdf)],
    ["DOCX 140 万段", () => upload("a.docx", paragraphs)],
    ["word/media 压缩炸弹", () => upload("a.docx", bomb)],
    ["190 万字粘贴", () => abuser.session.request("/api/reports/import", { method: "POST", body: text })],
    ["10 MB 嵌套 HTML", () => upload("a.html", html)],
  ];
  let isRunning = true;
  const refusals = new Map<string, number[]>();
  const abusing = (async () => {
    while (isRunning) {
      for (const [name, attack] of attacks) {
        if (!isRunning) break;
        const status = await attack().then(
          async (response) => (await response.arrayBuffer(), response.status),
          () => 0,
        );
        refusals.set(name, [...(refusals.get(name) ?? []), status]);
      }
    }
  })();
  const stats = await runEditors(baseUrl, editors, { intervalMs: 2000, seconds: 40 });
  isRunning = false;
  await abusing;
  console.log(
    `  另有 1 个恶意用户循环发送攻击时，其余 ${editors.length} 人：${describeStats(stats)}${percentile(stats.latencies, 0.99) > P99_LIMIT_MS ? "（p99 超过 500 ms）" : "（p99 在 500 ms 内）"}`,
  );
  console.log(`  恶意请求的应答：${[...refusals].map(([name, statuses]) => `${name} ${statuses.join("/")}`).join("；")}`);
}

/** The `code` of a failure envelope, or "" when the body is not one. */
function readErrorCode(body: ArrayBuffer): string {
  try {
    return String((JSON.parse(new TextDecoder().decode(body)) as { code?: unknown }).code ?? "");
  } catch {
    return "";
  }
}

/**
 * Co-editing alongside the autosaving editors (every 2 s) and two exporters in a loop (one on the co-edited report,
 * one on an editor's own), PDF and DOCX in turn, --collab-export-pause <ms> (2000) between exports. Returns what
 * each person typed.
 */
async function coEditingDuringSaves(subject: ReliabilityApp, editors: EditorState[], seed: CoEditingSeed): Promise<string[]> {
  const baseUrl = subject.app.baseUrl;
  const ownerSession = await signInApi(baseUrl, seed.owner.username, SEED_PASSWORD);
  const exporters = [
    { session: ownerSession, reportId: seed.reportId },
    { session: editors[0]!.session, reportId: editors[0]!.reportId },
  ];
  const exportTimes: number[] = [];
  const exportFailures: string[] = [];
  let saves: Awaited<ReturnType<typeof runEditors>> | undefined;
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(os.loadavg()[0]!), 5000);
  console.log(`  机器负载（1/5/15 分钟平均）协同阶段开始时：${loadAverage()}`);
  const result = await runCoEditing({
    baseUrl,
    seed,
    seconds: COLLAB_SECONDS,
    keystrokeMs: KEYSTROKE_MS,
    alongside: COLLAB_ALONE
      ? undefined
      : async () => {
          const deadline = Date.now() + COLLAB_SECONDS * 1000;
          const exporting = exporters.map(async ({ session, reportId }, index) => {
            for (let round = index; Date.now() < deadline; round++) {
              const started = performance.now();
              const format = round % 2 === 0 ? "pdf" : "docx";
              const response = await session.request(`/api/reports/${reportId}/export?format=${format}`);
              const body = await response.arrayBuffer();
              if (response.status === 200) exportTimes.push(performance.now() - started);
              else exportFailures.push(`${format.toUpperCase()} HTTP ${response.status} ${readErrorCode(body)}`);
              await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(EXPORT_PAUSE_MS, deadline - Date.now()))));
            }
          });
          [saves] = await Promise.all([runEditors(baseUrl, editors, { intervalMs: 2000, seconds: COLLAB_SECONDS }), ...exporting]);
        },
  });
  clearInterval(sampler);
  for (const line of describeCoEditing(result)) console.log(line);
  if (saves)
    console.log(
      `  同时：${editors.length} 位编辑者自动保存 ${describeStats(saves!)}；导出（2 人轮流导出 PDF/DOCX，每次间隔 ${EXPORT_PAUSE_MS} ms）成功 ${exportTimes.length} 次（未成功 ${exportFailures.length}${exportFailures.length > 0 ? `：${[...new Set(exportFailures)].join("，")}` : ""}），p50 ${percentile(exportTimes, 0.5).toFixed(0)} ms，最长 ${Math.max(0, ...exportTimes).toFixed(0)} ms`,
    );
  console.log(`  机器负载协同阶段结束时：${loadAverage()}（阶段内 1 分钟平均最高 ${Math.max(os.loadavg()[0]!, ...loads).toFixed(2)}）`);
  if (result.windowsBehind > 0 || result.missingRead > 0 || result.missingExport > 0) process.exitCode = 1;
  return result.typed;
}

async function verifyAcknowledged(subject: ReliabilityApp, editors: EditorState[], coEditing?: { seed: CoEditingSeed; typed: string[] }): Promise<void> {
  await subject.app.stop();
  const { db, close } = await subject.openDb();
  const missingCoEdited = coEditing ? await missingInDatabase(db, coEditing.seed, coEditing.typed) : 0;
  let missing = 0;
  for (const editor of editors) {
    if (!editor.acknowledged) continue;
    const [row] = await db.select().from(tables.reports).where(eq(tables.reports.id, editor.reportId));
    const isSame = row?.revision === editor.acknowledged.revision && markerOf(reportSchema.parse(row.content)) === editor.acknowledged.marker;
    if (!isSame) missing++;
  }
  await close();
  console.log(`  核对：${editors.length} 份报告的最终修订号与内容${missing === 0 ? "全部等于最后一次确认的保存" : `有 ${missing} 份与最后一次确认的保存不符`}`);
  if (coEditing) {
    const total = coEditing.typed.reduce((sum, text) => sum + [...text].length, 0);
    console.log(
      `  核对：服务停止后数据库中的协同报告${missingCoEdited === 0 ? `含协同输入的全部 ${total} 个字` : `缺 ${missingCoEdited} 个字（共 ${total}）`}`,
    );
  }
  if (missing > 0 || missingCoEdited > 0) process.exitCode = 1;
}

async function benchKind(kind: DbKind): Promise<void> {
  console.log(`\n== ${kind === "pglite" ? "内置 PGlite" : "PostgreSQL"}：${EDITORS} 位编辑者 ==`);
  const extraEditors = 50;
  let seed: CoEditingSeed | undefined;
  const subject = await startReliabilityApp({
    kind,
    editorCount: EDITORS + extraEditors,
    seed: async (db) => void (seed = await seedCoEditing(db, { people: COLLAB_PEOPLE, sameItem: COLLAB_SAME_ITEM })),
    // BENCH_SERVER_NODE_OPTIONS: NODE_OPTIONS of the app server only (e.g. --require of a profiler).
    env: process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : undefined,
  });
  try {
    const all = await signInAll(subject);
    const editors = all.slice(0, EDITORS);
    if (PHASE === "collab") {
      const typed = await coEditingDuringSaves(subject, editors, seed!);
      await verifyAcknowledged(subject, all, { seed: seed!, typed });
      return;
    }
    const steady = await runEditors(subject.app.baseUrl, editors, { intervalMs: 2000, seconds: DURATION_S });
    console.log(`  稳态（每 2 秒自动保存一次，${DURATION_S} 秒）：${describeStats(steady)}`);

    let breaking: string | null = null;
    for (const [step, intervalMs] of RAMP_INTERVALS_MS.entries()) {
      const group = step === RAMP_INTERVALS_MS.length - 1 ? all : editors;
      const stats = await runEditors(subject.app.baseUrl, group, { intervalMs, seconds: STEP_S });
      const label = intervalMs > 0 ? `${group.length} 人每 ${intervalMs} ms 保存` : `${group.length} 人连续保存`;
      console.log(`  加压 ${step + 1}：${label}：${describeStats(stats)}`);
      if (percentile(stats.latencies, 0.99) > P99_LIMIT_MS) {
        breaking = `${label}（约 ${(stats.saves / stats.seconds).toFixed(0)} 次保存/秒）`;
        break;
      }
    }
    console.log(breaking ? `  p99 超过 500 ms 的负载：${breaking}` : "  在所试最大负载下 p99 仍未超过 500 ms");

    await exportsDuringSaves(subject, editors);
    const typed = await coEditingDuringSaves(subject, editors, seed!);
    await abuseDuringSaves(subject, editors, all[EDITORS]!);
    await verifyAcknowledged(subject, all, { seed: seed!, typed });
  } finally {
    await subject.dispose();
  }
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? "未知";
  console.log(`机器：${os.cpus().length} 核（${cpu}），${Math.round(os.totalmem() / 1024 ** 3)} GiB 内存，Node ${process.version}，回环地址`);
  console.log(`日期：${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC；机器负载（1/5/15 分钟平均）：${loadAverage()}`);
  const hasBuild = existsSync(path.join(ROOT, process.env.NIANBAO_DIST_DIR || ".next", "BUILD_ID"));
  if (hasBuild && process.argv.includes("--reuse-build")) console.log("（--reuse-build：使用现有构建）");
  else if (!isBuildCurrent()) {
    console.log("正在构建应用（next build）…");
    if (!buildAppSync()) throw new Error("next build failed");
  }
  if (ONLY !== "postgres") await benchKind("pglite");
  if (ONLY !== "pglite") {
    if (reliabilityPostgresUrl()) await benchKind("postgres");
    else console.log("\n（未设置 TEST_DATABASE_URL，跳过 PostgreSQL）");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
