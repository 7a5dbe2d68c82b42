import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { exportReportPdf, stopTypstEngine } from "@/lib/export/pdf";
import { createReportFromTemplate, reportSchema, type Report } from "@/lib/report-model";
import { getTemplate } from "@/templates";

import { SEED_PASSWORD } from "../fixtures/factories";

import { signInApi } from "./helpers/api-session";
import { startReliabilityApp, type ReliabilityApp } from "./helpers/reliability-app";

/** Characters that break naive text pipelines: rare CJK (Ext B–G), emoji, RTL, controls, lone surrogates. */
const HOSTILE_PIECES = [
  "𠀀𠮷𡃁", // Ext B
  "𪜀𫝀", // Ext C, D
  "𫠠𬺰", // Ext E, F
  "𰀀𰁀", // Ext G
  "👩‍👩‍👧‍👦🇨🇳🏳️‍🌈",
  "مرحبا بالعالم",
  "\u202Eabc\u202C\u200F",
  "\u0000\u0007\u001B[31m\u007F",
  "\uD800",
  "\uDFFF",
  "\uFEFF\u200B\u2028\u2029",
  "e\u0301\u0308\u20DD",
  "＃＄％＆（）",
  "法治政府建设",
];

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: "binary", maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 12 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(""));

function reportWith(texts: string[]): Report {
  const base = createReportFromTemplate(getTemplate("department"), { agency: "示例市司法局", year: 2025 });
  const pick = (index: number) => texts[index % texts.length]!.slice(0, 90);
  return reportSchema.parse({
    ...base,
    meta: { ...base.meta, agency: pick(0), title: pick(1), signature: pick(2), docNumber: pick(3).slice(0, 60) },
    sections: base.sections.map((section, sectionIndex) => ({
      ...section,
      heading: pick(sectionIndex + 4),
      lead: pick(sectionIndex + 5),
      items: section.items.slice(0, 2).map((item, itemIndex) => ({
        ...item,
        heading: pick(itemIndex + 6),
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: texts.join("") || "空" }] }] },
      })),
    })),
  });
}

const isDocx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
const isPdf = (bytes: Uint8Array) => new TextDecoder().decode(bytes.slice(0, 5)) === "%PDF-";

describe("[UNICODE] hostile Unicode through the exporters", () => {
  afterAll(async () => {
    await stopTypstEngine();
  });

  it("[UNICODE]: DOCX export gives a document for any text", async () => {
    // Unpaired surrogates and control characters are printable (as U+FFFD or dropped controls): no input may
    // make the export fail, so an error is a failure here, not an accepted outcome.
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 6 }), async (texts) => {
        expect(isDocx(await exportReportDocx(reportWith(texts), DEFAULT_EXPORT_OPTIONS))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("[UNICODE]: PDF export gives a document for any text", async () => {
    let documents = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 6 }), async (texts) => {
        expect(isPdf((await exportReportPdf(reportWith(texts), DEFAULT_EXPORT_OPTIONS)).bytes)).toBe(true);
        documents++;
      }),
      { numRuns: 12 },
    );
    // Missing glyphs are warnings and unpaired surrogates print as U+FFFD: every run must print.
    expect(documents).toBe(12);
  }, 180_000);
});

describe("[UNICODE] one hostile report through the real server", () => {
  let subject: ReliabilityApp;
  beforeAll(async () => {
    subject = await startReliabilityApp({ kind: "pglite" });
  });
  afterAll(async () => {
    await subject?.dispose();
  });

  it("[UNICODE]: saving and exporting DOCX and PDF give documents or clear JSON errors, and the server stays up", async () => {
    const editor = subject.editors[0]!;
    const session = await signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD);
    const content = reportWith(HOSTILE_PIECES);
    const saved = await session.request(`/api/reports/${editor.reportId}/content`, { method: "PUT", body: JSON.stringify({ baseRevision: 1, content }) });
    expect(saved.status, await saved.clone().text()).toBe(200);
    for (const format of ["docx", "pdf"] as const) {
      const response = await session.request(`/api/reports/${editor.reportId}/export?format=${format}`);
      if (response.status === 200) {
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect(format === "docx" ? isDocx(bytes) : isPdf(bytes)).toBe(true);
      } else {
        expect(response.headers.get("content-type")).toContain("application/json");
        expect(((await response.json()) as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect((await fetch(`${subject.app.baseUrl}/api/health`)).status).toBe(200);
  });
});
