import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import type { Report, RichDoc, RichNode } from "@/lib/report-model";

import { SEED_PASSWORD } from "../fixtures/factories";

import { signInApi, type ApiSession } from "./helpers/api-session";
import { startReliabilityApp, type ReliabilityApp } from "./helpers/reliability-app";
import { contentForSave } from "./helpers/save-stream";

/** A table of `rows` rows and four columns: long tables are the slowest thing Typst lays out. */
function longTable(rows: number): RichNode {
  const cell = (text: string): RichNode => ({
    type: "tableCell",
    attrs: { colspan: 1, rowspan: 1, colwidth: null },
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  });
  return {
    type: "table",
    content: Array.from({ length: rows }, (_, index) => ({
      type: "tableRow",
      content: [cell(`第${index + 1}项`), cell("行政执法案件"), cell(`${index * 3}件`), cell("已办结")],
    })),
  };
}

/**
 * About 400 pages of body text and five 1,000-row tables (inside the report limits): many seconds of typesetting
 * on any machine, so the one-second limit always cuts it off.
 */
function hugeReport(base: Report): Report {
  const sentence = "坚持依法行政，严格规范公正文明执法，持续深化行政执法体制改革，健全行政执法监督机制，推进政务公开标准化规范化。";
  const paragraphs: RichNode[] = Array.from({ length: 60 }, (_, index) => ({
    type: "paragraph",
    content: [{ type: "text", text: `${index + 1}.${sentence.repeat(2)}` }],
  }));
  const body: RichDoc = { type: "doc", content: paragraphs };
  const bodyWithTable: RichDoc = { type: "doc", content: [...paragraphs, longTable(1000)] };
  return {
    ...base,
    sections: base.sections.map((section) => ({
      ...section,
      items: Array.from({ length: 6 }, (_, index) => ({
        ...section.items[0]!,
        id: `${section.id}x${index}`,
        heading: `第${index + 1}项工作`,
        body: index === 0 ? bodyWithTable : body,
      })),
    })),
  };
}

describe("[FAULT] the PDF engine taking too long", () => {
  let subject: ReliabilityApp;
  let sessions: ApiSession[];

  beforeAll(async () => {
    subject = await startReliabilityApp({ kind: "pglite", editorCount: 2, env: { PDF_TIMEOUT_MS: "1000" } });
    // The second editor's report is huge; written while the server is down (PGlite has one owner).
    await subject.app.stop();
    const { db, close } = await subject.openDb();
    const huge = subject.editors[1]!;
    await db
      .update(tables.reports)
      .set({ content: hugeReport(huge.content) })
      .where(eq(tables.reports.id, huge.reportId));
    await close();
    await subject.app.restart();
    sessions = await Promise.all(subject.editors.map((editor) => signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD)));
  });
  afterAll(async () => {
    await subject?.dispose();
  });

  it("[EXPORT]: an over-long compile fails with a clear Chinese message while saves and other exports keep working", async () => {
    const [small, huge] = subject.editors;
    const exportPdf = (index: number, reportId: string) => sessions[index]!.request(`/api/reports/${reportId}/export?format=pdf`);
    // Warm the engine so the huge export gets only the configured second, without the start-up allowance.
    const warm = await exportPdf(0, small!.reportId);
    expect(warm.status).toBe(200);

    const started = Date.now();
    const slow = exportPdf(1, huge!.reportId);
    // While it runs, the server keeps answering saves and health checks.
    const save = await sessions[0]!.request(`/api/reports/${small!.reportId}/content`, {
      method: "PUT",
      body: JSON.stringify({ baseRevision: 1, content: contentForSave(small!.content, "导出超时期间的保存") }),
    });
    expect(save.status).toBe(200);
    expect((await fetch(`${subject.app.baseUrl}/api/health`)).status).toBe(200);

    const response = await slow;
    const body = (await response.json()) as { code: string; message: string };
    expect(response.status).toBe(504);
    expect(body.code).toBe("EXPORT_TIMEOUT");
    expect(body.message).toContain("PDF 排版超过");
    expect(Date.now() - started).toBeLessThan(30_000);

    // The engine is replaced: the next PDF and a DOCX of the huge report both work.
    expect((await exportPdf(0, small!.reportId)).status).toBe(200);
    const docx = await sessions[1]!.request(`/api/reports/${huge!.reportId}/export?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
  });
});
