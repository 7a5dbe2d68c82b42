import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { stopJobWorker } from "@/lib/jobs";
import { acceptImport, getReport, previewImport, saveReportContent } from "@/lib/reports";
import { applyFix, validateReport, type Finding } from "@/lib/validation";
import { findTemplate } from "@/templates";

import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

// An official's own .txt, written for this test: "(三)" after （一） skips （二） and is half-width; a part lost its numeral.
const FILE = [
  "松林县市场监督管理局关于2024年度法治政府建设情况的报告",
  "松林县人民政府：",
  "2024年，我局坚持以习近平法治思想为指导，全面推进市场监管领域依法行政。现将有关情况报告如下：",
  "一、2024年推进法治政府建设的主要举措和成效",
  "（一）健全依法决策机制",
  "严格落实重大行政决策程序规定，全年出台规范性文件2件，均经合法性审核。",
  "(三)推进严格规范公正文明执法",
  "全年办理行政处罚案件215件，开展执法案卷评查3次，全年未发生行政诉讼案件。",
  "、存在的不足和原因",
  "一是基层执法力量不足；二是执法人员专业能力有待提升。究其原因，主要是培训投入不足。",
  "三、党政主要负责人履行推进法治建设第一责任人职责情况",
  "局主要负责人认真履行推进法治建设第一责任人职责，主持召开专题会议4次。",
  "四、2025年工作安排",
  "一是加强执法人员培训；二是深化执法案卷评查。",
  "松林县市场监督管理局",
  "2025年3月12日",
].join("\n");

const numberingOf = (findings: Finding[]) => findings.filter((finding) => finding.ruleId === "source-numbering");

describe.skipIf(!isAvailable)(`[VALIDATION] an imported file's heading numerals after the import is stored, on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    stopJobWorker();
    await handle?.destroy();
  });

  it("the stored report shows the file's numbering findings until each is acknowledged and saved", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db, { roles: ["drafter"] });
      const preview = await previewImport({ user, source: { bytes: new TextEncoder().encode(FILE), fileName: "2024年报告.txt" }, maxBytes: 1_000_000 });
      const template = findTemplate(preview.report.templateId) ?? undefined;
      const onFile = numberingOf(validateReport(preview.report, { template, sourceHeadings: preview.sourceHeadings }));
      expect(onFile.map((finding) => finding.message)).toEqual([
        expect.stringContaining("“(三)”跳过了“（二）”；括号是半角"),
        expect.stringContaining("缺少序号，应为“二、”"),
      ]);

      // The preview travels to the browser and back as JSON, as the import panel sends it.
      const content = JSON.parse(JSON.stringify(preview.report));
      const { reportId } = await acceptImport({ db, user, input: { content, mode: "as-is" } });
      const stored = await getReport({ db, user, reportId });
      const inEditor = numberingOf(validateReport(stored.content, { template }));
      expect(inEditor.map(({ message, location }) => [message, location.field])).toEqual(onFile.map(({ message, location }) => [message, location.field]));

      const acknowledged = applyFix(stored.content, inEditor[0]!.fix!);
      await saveReportContent({ db, user, reportId, input: { baseRevision: stored.revision, content: acknowledged } });
      const saved = await getReport({ db, user, reportId });
      expect(numberingOf(validateReport(saved.content, { template })).map((finding) => finding.location.field)).toEqual(["sectionHeading"]);
      expect(saved.content.sections[0]!.items.map((item) => item.heading)).toEqual(["健全依法决策机制", "推进严格规范公正文明执法"]);
    });
  });

  it("a draft rolled forward from the file starts without them: last year's file is not this year's numbering", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db, { roles: ["drafter"] });
      const preview = await previewImport({ user, source: { bytes: new TextEncoder().encode(FILE), fileName: "2024年报告.txt" }, maxBytes: 1_000_000 });
      expect(preview.report.sections[0]!.items[1]!.importedNumbering?.line).toBe("(三)推进严格规范公正文明执法");
      const { reportId } = await acceptImport({ db, user, input: { content: preview.report, mode: "rollforward" } });
      const stored = await getReport({ db, user, reportId });
      expect(stored.year).toBe(2025);
      expect(numberingOf(validateReport(stored.content, { template: findTemplate(stored.content.templateId) ?? undefined }))).toEqual([]);
    });
  });
});
