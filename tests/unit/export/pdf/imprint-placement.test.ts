import { afterAll, describe, expect, it } from "vitest";

import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { findImprintPlacement, placeImprintForDocx, stopTypstEngine } from "@/lib/export/pdf";

import { EXPORT_FIXTURES, loadExportFixture } from "../helpers/side-by-side";

// Where the PDF layout puts the 版记, for the DOCX (GB/T 9704 7.4: an even page). The pages themselves are measured
// in tests/integration/libreoffice-frame.test.ts.
const OPTIONS = {
  ...DEFAULT_EXPORT_OPTIONS,
  isDraft: false,
  frame: {
    agencyMark: "青禾县人民政府文件",
    signer: "李明",
    attachments: ["青禾县2025年度法治政府建设重点任务完成情况表", "青禾县2025年度行政复议和行政应诉案件统计表"],
    imprintAgency: "青禾县人民政府办公室",
    imprintDate: "2026-02-12",
  },
};
const county = loadExportFixture(EXPORT_FIXTURES.county);
const street = loadExportFixture(EXPORT_FIXTURES.street);

afterAll(async () => {
  await stopTypstEngine();
});

describe("[EXPORT] the 版记's page from the PDF layout", () => {
  it("has nothing to place without 抄送 or 印发机关", async () => {
    const report = { ...street, meta: { ...street.meta, copyTo: "" } };
    expect(await findImprintPlacement(report, { ...DEFAULT_EXPORT_OPTIONS, isDraft: false })).toBeUndefined();
  });

  it("keeps the 版记 on an even last page that has room, and moves it off an odd one or a full even one", async () => {
    // The street report ends on page 2 with room for one 版记 row; the county report ends on page 5.
    expect(await findImprintPlacement({ ...street, meta: { ...street.meta, copyTo: "" } }, OPTIONS)).toBe("samePage");
    expect(await findImprintPlacement(county, OPTIONS)).toBe("nextPage");
    // With a 抄送 row too, the street report's page 2 has no room left: a blank page 3, the 版记 on page 4.
    expect(await findImprintPlacement({ ...street, meta: { ...street.meta, copyTo: "市司法局" } }, OPTIONS)).toBe("afterBlankPage");
  });

  it("lets the DOCX export go on with a warning to check the page when the PDF engine has no fonts", async () => {
    const placed = await placeImprintForDocx(county, {
      ...OPTIONS,
      fontDirectories: { agencyDirectory: "/nonexistent/fonts", substituteDirectory: "/nonexistent/cache" },
    });
    expect(placed.imprintPlacement).toBeUndefined();
    expect(placed.warnings).toHaveLength(1);
    expect(placed.warnings[0]).toMatch(/^未能排版确定版记所在页（缺少 PDF 导出所需的字体/);
    expect(placed.warnings[0]).toContain("请核对版记是否位于偶数页");
  });
});
