import { existsSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { importReport, importText } from "@/lib/import";
import { docToText, type Report } from "@/lib/report-model";

import { readFixtureText } from "./helpers";

const hasExporter = existsSync(path.resolve(__dirname, "../../../lib/export/docx/index.ts"));

function shape(report: Report) {
  return report.sections.map((section) => ({
    kind: section.kind,
    heading: section.heading,
    lead: section.lead,
    items: section.items.map((item) => ({ heading: item.heading, text: docToText(item.body) })),
  }));
}

describe.skipIf(!hasExporter)("[IMPORT] DOCX export → import round trip", () => {
  it.each(["simplified.txt", "combined.txt", "leader-first.txt"])("%s keeps kinds, item headings and texts", async (fixture) => {
    const original = importText(readFixtureText(fixture)).report;
    const bytes = await exportReportDocx(original);
    const { report } = await importReport({ bytes, fileName: "导出.docx" });
    expect(report.meta.title).toBe(original.meta.title);
    expect(report.meta.year).toBe(original.meta.year);
    expect([report.meta.mainRecipient, report.meta.signature, report.meta.date]).toEqual([
      original.meta.mainRecipient,
      original.meta.signature,
      original.meta.date,
    ]);
    expect(shape(report)).toEqual(shape(original));
  });
});
