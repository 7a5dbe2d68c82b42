import { readdirSync, readFileSync } from "node:fs";

import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import type { Report, RichNode } from "@/lib/report-model";

import { SEED_PASSWORD } from "../fixtures/factories";

import { deepNestedHtml, longPastedText, manyParagraphsDocx, mediaBombDocx, sharedStreamPdf } from "./helpers/abuse-files";
import { attemptSignIn, signInApi, type ApiSession } from "./helpers/api-session";
import { hasPostgres } from "./helpers/postgres-url";
import { startReliabilityApp, type DbKind, type ReliabilityApp } from "./helpers/reliability-app";
import { serverActionId } from "./helpers/server-actions";
import { findServerPid } from "./helpers/load-editors";
import { residentMb, watchHealth, type HealthWatch } from "./helpers/server-probe";

/** Import and export jobs are killed 30 s after submission (lib/jobs/run-job.ts); a refusal comes within that plus margin. */
const JOB_LIMIT_MS = 30_000;
const REFUSAL_MARGIN_MS = 8_000;

function colspanBomb(base: Report): Report {
  const cell: RichNode = {
    type: "tableCell",
    attrs: { colspan: 100_000_000, rowspan: 1 },
    content: [{ type: "paragraph", content: [{ type: "text", text: "甲" }] }],
  };
  const table: RichNode = { type: "table", content: [{ type: "tableRow", content: [cell] }] };
  const [first, ...rest] = base.sections;
  return { ...base, sections: [{ ...first!, items: [{ ...first!.items[0]!, body: { type: "doc", content: [table] } }, ...first!.items.slice(1)] }, ...rest] };
}

interface Refusal {
  status: number;
  message: string;
  ms: number;
}

async function refusalOf(request: Promise<Response>): Promise<Refusal> {
  const started = performance.now();
  const response = await request;
  const body = (await response.json().catch(() => ({}))) as { message?: string; fieldErrors?: Record<string, string[]> };
  const fieldMessages = Object.values(body.fieldErrors ?? {}).flat();
  const message = [body.message ?? "", ...fieldMessages].join(" ");
  return { status: response.status, message, ms: performance.now() - started };
}

function upload(baseUrl: string, session: ApiSession, fileName: string, bytes: Uint8Array, signal?: AbortSignal): Promise<Response> {
  const form = new FormData();
  form.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
  return fetch(`${baseUrl}/api/reports/import`, { method: "POST", body: form, signal, headers: { Origin: baseUrl, Cookie: session.jar.header() } });
}

/** The import/export worker process of the server (lib/jobs/job-worker.ts), if one is running. */
function jobWorkerPid(serverPid: number): number | undefined {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === serverPid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("job-worker")) return Number(entry);
    } catch {
      // the process ended while scanning
    }
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Streams `totalMb` of body without Content-Length (chunked); returns what the server answered and how much it took in. */
async function chunkedUpload(
  baseUrl: string,
  session: ApiSession,
  contentType: string,
  totalMb: number,
): Promise<{ status: number | string; sentMb: number; ms: number }> {
  let sent = 0;
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  const controller = new AbortController();
  const body = new ReadableStream<Uint8Array>({
    pull(stream) {
      if (sent >= totalMb * 1024 * 1024) return stream.close();
      sent += chunk.length;
      stream.enqueue(chunk);
    },
  });
  const started = performance.now();
  const init = {
    method: "POST",
    body,
    duplex: "half",
    signal: controller.signal,
    headers: { Origin: baseUrl, Cookie: session.jar.header(), "Content-Type": contentType },
  };
  try {
    const response = await fetch(`${baseUrl}/api/reports/import`, init as RequestInit);
    const status = response.status;
    controller.abort();
    return { status, sentMb: sent / 1024 / 1024, ms: performance.now() - started };
  } catch (error) {
    // The server may close the connection as soon as it refuses: that is a refusal too.
    return {
      status: `closed: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`,
      sentMb: sent / 1024 / 1024,
      ms: performance.now() - started,
    };
  }
}

const KINDS: DbKind[] = ["pglite", ...(hasPostgres("abuse") ? (["postgres"] as const) : [])];

/** Built once, before the health watch starts (building them takes the test process seconds). */
interface HostileFiles {
  manyParagraphs: Uint8Array;
  elementBomb: Uint8Array;
  mediaBomb: Uint8Array;
  pastedText: string;
  nestedHtml: Uint8Array;
  sharedStreams: Uint8Array;
  /** Under the reader's page and per-page bounds: it reads for many seconds until its total bounds stop it. */
  slowPdf: Uint8Array;
}

function buildHostileFiles(): HostileFiles {
  return {
    manyParagraphs: manyParagraphsDocx(1_400_000),
    elementBomb: manyParagraphsDocx(300_000),
    mediaBomb: mediaBombDocx(100),
    pastedText: longPastedText(1_900_000),
    nestedHtml: new TextEncoder().encode(deepNestedHtml(10)),
    sharedStreams: sharedStreamPdf(500, 20_000),
    slowPdf: sharedStreamPdf(200, 9_000),
  };
}

describe.each(KINDS)("[ABUSE] one signed-in user cannot take the server down (%s)", (kind) => {
  /** File attacks do not touch the database: run them once, on PGlite. */
  const isFileKind = kind === "pglite";
  let subject: ReliabilityApp;
  let attacker: ApiSession;
  let colleague: ApiSession;
  let health: HealthWatch;
  let pid: number;
  let baselineMb: number;
  let files: HostileFiles;

  beforeAll(async () => {
    if (isFileKind) files = buildHostileFiles();
    subject = await startReliabilityApp({ kind, editorCount: 2 });
    // The attacker's report is stored with a colspan of 1e8, as content saved before the limits existed.
    await subject.app.stop();
    const { db, close } = await subject.openDb();
    const hostile = subject.editors[0]!;
    await db
      .update(tables.reports)
      .set({ content: colspanBomb(hostile.content) })
      .where(eq(tables.reports.id, hostile.reportId));
    await close();
    await subject.app.restart();
    attacker = await signInApi(subject.app.baseUrl, subject.editors[0]!.user.username, SEED_PASSWORD);
    colleague = await signInApi(subject.app.baseUrl, subject.editors[1]!.user.username, SEED_PASSWORD);
    // Warm the worker processes and the server, then take the memory baseline.
    expect((await colleague.request(`/api/reports/${subject.editors[1]!.reportId}/export?format=docx`)).status).toBe(200);
    expect((await colleague.request(`/api/reports/${subject.editors[1]!.reportId}/export?format=pdf`)).status).toBe(200);
    expect((await colleague.request("/api/reports/import", { method: "POST", body: JSON.stringify({ text: longPastedText(3_000) }) })).status).toBe(200);
    const page = `<html><body><h1>法治政府建设年度报告</h1><p>${longPastedText(3_000).replace(/\n/g, "。</p><p>")}</p></body></html>`;
    expect((await upload(subject.app.baseUrl, colleague, "年报.html", new TextEncoder().encode(page))).status).toBe(200);
    // The first page request loads the proxy and renders a page for the first time; like the workers, warm it.
    expect((await fetch(`${subject.app.baseUrl}/login`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    pid = findServerPid();
    baselineMb = residentMb(pid);
    health = watchHealth(subject.app.baseUrl, 250, () => `during ${expect.getState().currentTestName ?? "setup"}`);
  });
  afterAll(async () => {
    await health?.stop();
    await subject?.dispose();
  });
  afterEach(() => {
    // Where the server's memory goes, attack by attack (printed; the last test asserts on it).
    if (pid)
      console.info(`[memory] ${Math.round(residentMb(pid))} MB after ${expect.getState().currentTestName ?? ""} (baseline ${Math.round(baselineMb)} MB)`);
  });

  it("[BOUNDS]: a colspan of 1e8 is refused on save, preview and both exports with a Chinese message", async () => {
    const { reportId, content } = subject.editors[0]!;
    const save = await refusalOf(
      attacker.request(`/api/reports/${reportId}/content`, { method: "PUT", body: JSON.stringify({ baseRevision: 1, content: colspanBomb(content) }) }),
    );
    expect(save.status).toBe(422);
    expect(save.message).toContain("单元格合并列数不正确");
    const preview = await refusalOf(
      attacker.request(`/api/reports/${reportId}/preview`, { method: "POST", body: JSON.stringify({ content: colspanBomb(content) }) }),
    );
    expect(preview.status).toBe(422);
    expect(preview.message).toContain("单元格合并列数不正确");
    for (const format of ["docx", "pdf"]) {
      const exported = await refusalOf(attacker.request(`/api/reports/${reportId}/export?format=${format}`));
      expect(exported.status, format).toBe(422);
      expect(exported.message, format).toContain("单元格合并列数不正确");
      expect(exported.ms, format).toBeLessThan(5_000);
    }
  });

  // File attacks do not touch the database: defined for PGlite only (not skipped on PostgreSQL).
  if (isFileKind) {
    it("[ISOLATION]: a DOCX of 1.4 million tiny paragraphs is refused without harming the server", async () => {
      const refusal = await refusalOf(upload(subject.app.baseUrl, attacker, "年报.docx", files.manyParagraphs));
      expect(refusal.status).toBe(413);
      expect(refusal.message).toMatch(/体积异常巨大|结构过于复杂/);
      expect(refusal.ms).toBeLessThan(JOB_LIMIT_MS + REFUSAL_MARGIN_MS);
    });

    it("[ZIP]: 300,000 paragraphs within the size limits are refused by the element count", async () => {
      const refusal = await refusalOf(upload(subject.app.baseUrl, attacker, "年报.docx", files.elementBomb));
      expect(refusal.status).toBe(413);
      expect(refusal.message).toContain("文档结构过于复杂");
    });

    it("[ZIP]: a zip bomb the relationships point into word/media is refused at its declared size", async () => {
      const refusal = await refusalOf(upload(subject.app.baseUrl, attacker, "年报.docx", files.mediaBomb));
      expect(refusal.status).toBe(413);
      expect(refusal.message).toContain("文件解压后体积异常巨大");
      expect(refusal.ms).toBeLessThan(10_000);
    });

    it("[LINEAR]: 1.9 million characters of pasted text are answered with the report limit", async () => {
      const refusal = await refusalOf(attacker.request("/api/reports/import", { method: "POST", body: JSON.stringify({ text: files.pastedText }) }));
      expect(refusal.status).toBe(413);
      expect(refusal.message).toContain("上限");
      expect(refusal.ms).toBeLessThan(JOB_LIMIT_MS + REFUSAL_MARGIN_MS);
    });

    it("[LINEAR]: 10 MB of nested HTML is read in linear time", async () => {
      const answer = await refusalOf(upload(subject.app.baseUrl, attacker, "年报.html", files.nestedHtml));
      // Nothing report-like is inside: an answer either way, never a hang.
      expect([200, 413, 422]).toContain(answer.status);
      expect(answer.ms).toBeLessThan(JOB_LIMIT_MS);
    });

    it("[PDF]: the 85 KB PDF whose 500 pages share one huge stream is refused by the reader's own page bound", async () => {
      const refusal = await refusalOf(upload(subject.app.baseUrl, attacker, "年报.pdf", files.sharedStreams));
      expect(refusal.status).toBe(413);
      expect(refusal.message).toMatch(/^PDF 文件有 500 页，超过 300 页的上限，已中止读取/);
      // Before any page is read: well inside the job limit even when the worker process has to start first.
      expect(refusal.ms).toBeLessThan(JOB_LIMIT_MS);
      const next = await colleague.request("/api/reports/import", { method: "POST", body: JSON.stringify({ text: longPastedText(3_000) }) });
      expect(next.status).toBe(200);
    });

    it("[PDF]: 200 such pages, each within bounds, are stopped by the reader's own totals before the job limit", async () => {
      const refusal = await refusalOf(upload(subject.app.baseUrl, attacker, "年报.pdf", files.slowPdf));
      expect(refusal.status).toBe(413);
      expect(refusal.message).toMatch(/^PDF 文件(的文字片段超过 400000 个|结构异常复杂，读取超过 20 秒)，已中止读取/);
      expect(refusal.ms).toBeLessThan(JOB_LIMIT_MS);
    });

    it("[PDF]: an import stops working as soon as its client leaves", async () => {
      const controller = new AbortController();
      const request = upload(subject.app.baseUrl, attacker, "年报.pdf", files.slowPdf, controller.signal).catch(() => undefined);
      let worker: number | undefined;
      for (let wait = 0; wait < 50 && worker === undefined; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        worker = jobWorkerPid(pid);
      }
      expect(worker).toBeDefined();
      // Let the reader get going on the file, then leave.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(isAlive(worker!)).toBe(true);
      controller.abort();
      await request;
      for (let wait = 0; wait < 50 && isAlive(worker!); wait++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(isAlive(worker!)).toBe(false);
      const next = await colleague.request("/api/reports/import", { method: "POST", body: JSON.stringify({ text: longPastedText(3_000) }) });
      expect(next.status).toBe(200);
    });

    it("[QUEUE]: one user cannot queue more than two jobs; others are still served", async () => {
      const pdf = files.slowPdf;
      const controller = new AbortController();
      const slow = [
        upload(subject.app.baseUrl, attacker, "a.pdf", pdf, controller.signal),
        upload(subject.app.baseUrl, attacker, "b.pdf", pdf, controller.signal),
      ];
      await new Promise((resolve) => setTimeout(resolve, 500));
      const third = await refusalOf(upload(subject.app.baseUrl, attacker, "c.pdf", pdf));
      expect(third.status).toBe(429);
      expect(third.message).toContain("您已有导入或导出任务正在处理");
      controller.abort();
      await Promise.all(slow.map((request) => request.catch(() => undefined)));
    });

    it("[BODY]: a chunked 300 MB upload is refused once it passes the limit, not buffered whole", async () => {
      for (const contentType of ["multipart/form-data; boundary=x", "application/json"]) {
        const result = await chunkedUpload(subject.app.baseUrl, attacker, contentType, 300);
        expect(result.sentMb, contentType).toBeLessThan(200);
        if (typeof result.status === "number") expect(result.status, contentType).toBe(413);
      }
    });
  }

  it("[SESSION]: signing out ends every session of the account at once", async () => {
    const second = await signInApi(subject.app.baseUrl, subject.editors[0]!.user.username, SEED_PASSWORD);
    const path = `/api/reports/${subject.editors[0]!.reportId}/content`;
    expect((await second.request(path)).status).toBe(200);
    const csrf = (await (await attacker.request("/api/auth/csrf")).json()) as { csrfToken: string };
    const signOut = await attacker.request("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, json: "true" }).toString(),
    });
    expect([200, 302]).toContain(signOut.status);
    expect((await second.request(path)).status).toBe(401);
    attacker = await signInApi(subject.app.baseUrl, subject.editors[0]!.user.username, SEED_PASSWORD);
    expect((await attacker.request(path)).status).toBe(200);
  });

  it("[PROXY]: X-Forwarded-For from an untrusted client neither dodges nor redirects the address limits", async () => {
    const victim = subject.editors[1]!.user.username;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await fetch(`${subject.app.baseUrl}/api/auth/csrf`, { headers: { "X-Forwarded-For": `203.0.113.${attempt}` } });
      expect(response.status).toBe(200);
      await attemptSignIn(subject.app.baseUrl, victim, "wrong-password");
    }
    // The victim is slowed for seconds, not locked out: after the delay the right password works.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const session = await signInApi(subject.app.baseUrl, victim, SEED_PASSWORD);
    expect((await session.request(`/api/reports/${subject.editors[1]!.reportId}/content`)).status).toBe(200);
  });

  it("[ID]: a malformed report id answers 404, not 500", async () => {
    for (const path of ["/api/reports/not-a-uuid/content", "/api/reports/1'--/export?format=docx"]) {
      expect((await colleague.request(path)).status, path).toBe(404);
    }
    const save = await colleague.request("/api/reports/not-a-uuid/content", {
      method: "PUT",
      body: JSON.stringify({ baseRevision: 1, content: subject.editors[1]!.content }),
    });
    expect(save.status).toBe(404);
  });

  it("[CSRF]: a server action without an Origin header is refused and has no effect", async () => {
    const { reportId } = subject.editors[1]!;
    const response = await fetch(`${subject.app.baseUrl}/reports/${reportId}`, {
      method: "POST",
      body: JSON.stringify([{ reportId }]),
      headers: {
        Cookie: colleague.jar.header(),
        "Next-Action": serverActionId("app/(workspace)/reports/[reportId]/actions.ts", "submitReportAction"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
    });
    expect(response.status).toBe(403);
    const content = (await (await colleague.request(`/api/reports/${reportId}/content`)).json()) as { data: { status: string } };
    expect(content.data.status).toBe("draft");
  });

  it("[HEADERS]: HSTS is sent (browsers apply it only over https)", async () => {
    const response = await fetch(`${subject.app.baseUrl}/login`);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("[HEALTH]: /api/health answered within 1 s throughout, and the server's memory came back within 20%", async () => {
    await health.stop();
    expect(health.checks).toBeGreaterThan(10);
    expect(health.failures).toEqual([]);
    expect(health.slowestMs).toBeLessThan(1_000);
    // Give the collector a moment, then compare the server process (workers are separate processes).
    let current = residentMb(pid);
    for (let wait = 0; wait < 40 && current > baselineMb * 1.2; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      current = residentMb(pid);
    }
    expect(current, `baseline ${Math.round(baselineMb)} MB`).toBeLessThanOrEqual(baselineMb * 1.2);
  });
});
