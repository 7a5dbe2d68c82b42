import { describe, expect, it } from "vitest";

import { docToText, textToDoc } from "@/lib/report-model";
import { redactPersonalData } from "@/lib/supervision/redact-personal-data";

import { buildCompleteReport } from "../../fixtures/complete-report";

// 11010519491231002X is the GB 11643 standard's own example number (valid checksum).
const ID_NUMBER = "11010519491231002X";

describe("[PUBLIC] personal data redaction for the public version", () => {
  it("hides ID and mobile numbers in a copy and lists each change with where it was", () => {
    const report = buildCompleteReport({ year: 2025 });
    report.meta.isPublic = false; // the rule would skip it; the public version checks it anyway
    report.sections[0]!.items[1]!.body = textToDoc(`联系人张某，电话13912345678，身份证号${ID_NUMBER}。其余内容不变。`);
    const before = structuredClone(report);
    const result = redactPersonalData(report);
    expect(report).toEqual(before);
    expect(result.unresolved).toEqual([]);
    expect(result.redactions.map((change) => [change.before, change.after])).toEqual(
      expect.arrayContaining([
        ["13912345678", "139****5678"],
        [ID_NUMBER, "110105********002X"],
      ]),
    );
    expect(result.redactions[0]!.where).toContain("一、");
    expect(docToText(result.report.sections[0]!.items[1]!.body)).toBe("联系人张某，电话139****5678，身份证号110105********002X。其余内容不变。");
    expect(result.report.meta.isPublic).toBe(false);
  });

  it("changes nothing in a clean report", () => {
    const report = buildCompleteReport({ year: 2025 });
    const result = redactPersonalData(report);
    expect(result).toMatchObject({ redactions: [], unresolved: [] });
    expect(result.report).toEqual(report);
  });
});
