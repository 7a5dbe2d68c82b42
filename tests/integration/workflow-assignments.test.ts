import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findChangeOutsideScope, textToDoc } from "@/lib/report-model";
import { getReport, insertReport, saveReportContent } from "@/lib/reports";
import { createAssignment, deleteAssignment, listMyAssignments, listReportAssignments, updateAssignment } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

describe("[ASSIGNMENTS] scope check (pure)", () => {
  const base = buildCompleteReport();
  const measures = base.sections[0]!;
  const itemScope = [{ sectionId: measures.id, itemId: measures.items[1]!.id }];
  const cases: Array<[string, (report: typeof base) => void, string | null]> = [
    ["the assigned item's body", (report) => (report.sections[0]!.items[1]!.body = textToDoc("改写后的营商环境举措。")), null],
    ["the assigned item's heading", (report) => (report.sections[0]!.items[1]!.heading = "优化营商环境"), null],
    ["another item of the same part", (report) => (report.sections[0]!.items[2]!.body = textToDoc("越权修改。")), "“加强制度建设，严格规范性文件管理”"],
    ["the part's indicators", (report) => (report.sections[0]!.indicators.susong_cases = 9), "“2024年推进法治政府建设的主要举措和成效”部分的标题、导语或指标"],
    ["the title", (report) => (report.meta.title = "另一个标题"), "报告基本信息（标题、主送机关、署名等）"],
    [
      "a new item in the part",
      (report) => report.sections[0]!.items.push({ ...report.sections[0]!.items[0]!, id: "i-new" }),
      "“2024年推进法治政府建设的主要举措和成效”部分的条目构成",
    ],
    ["another part", (report) => (report.sections[1]!.items[0]!.body = textToDoc("越权修改问题部分。")), "“存在的不足和原因”"],
  ];
  it.each(cases)("a contributor assigned one item changes %s", (_title, change, expected) => {
    const after = structuredClone(base);
    change(after);
    expect(findChangeOutsideScope(base, after, itemScope)).toBe(expected);
  });
  it("a whole-part assignment covers the part's lead, indicators and items", () => {
    const after = structuredClone(base);
    after.sections[0]!.lead = "新写的导语。";
    after.sections[0]!.indicators.susong_cases = 5;
    after.sections[0]!.items.pop();
    expect(findChangeOutsideScope(base, after, [{ sectionId: measures.id, itemId: null }])).toBeNull();
  });
  it("key order of stored jsonb does not count as a change", () => {
    const reordered = JSON.parse(
      JSON.stringify(base, (_key, value: unknown) =>
        value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
      ),
    );
    expect(findChangeOutsideScope(reordered, base, itemScope)).toBeNull();
  });
});

describe.skipIf(!isAvailable)(`[ASSIGNMENTS] verbs on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("a contributor edits only the assigned item; the drafter sees progress per part", async () => {
    await withRollback(handle.db, async (db) => {
      const agency = await seedAgency(db);
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      const contributor = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
      const outsider = await seedUser(db, { roles: ["drafter"] });
      const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name }), source: "test" });
      const row = await getReport({ db, user: drafter, reportId });
      const measures = row.content.sections[0]!;
      await expect(createAssignment({ db, user: drafter, reportId, input: { assigneeId: reviewer.id, sectionId: measures.id } })).rejects.toMatchObject({
        userMessage: "承办人须为本机关具有起草权限的在用账号",
      });
      await expect(createAssignment({ db, user: drafter, reportId, input: { assigneeId: outsider.id, sectionId: measures.id } })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
      await expect(createAssignment({ db, user: reviewer, reportId, input: { assigneeId: contributor.id, sectionId: measures.id } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      const { assignmentId } = await createAssignment({
        db,
        user: drafter,
        reportId,
        input: { assigneeId: contributor.id, sectionId: measures.id, itemId: measures.items[4]!.id, dueDate: "2025-01-20", note: "补充执法数据" },
      });
      await createAssignment({ db, user: drafter, reportId, input: { assigneeId: contributor.id, sectionId: row.content.sections[3]!.id } });

      const mine = await listMyAssignments({ db, user: contributor });
      expect(mine.map((entry) => [entry.scopeLabel, entry.dueDate, entry.status])).toEqual([
        ["2024年推进法治政府建设的主要举措和成效 › 推进严格规范公正文明执法", "2025-01-20", "open"],
        ["2025年推进法治政府建设的主要安排（整个部分）", null, "open"],
      ]);
      expect(await listMyAssignments({ db, user: outsider })).toEqual([]);

      const inside = structuredClone(row.content);
      inside.sections[0]!.items[4]!.body = textToDoc("全年办理水行政处罚案件27件，全部经过法制审核。");
      inside.sections[3]!.lead = "下一年度，我局将重点抓好以下工作。";
      const saved = await saveReportContent({ db, user: contributor, reportId, input: { baseRevision: row.revision, content: inside } });
      const outside = structuredClone(inside);
      outside.sections[1]!.items[0]!.body = textToDoc("承办人越权改写的问题部分。");
      await expect(saveReportContent({ db, user: contributor, reportId, input: { baseRevision: saved.revision, content: outside } })).rejects.toMatchObject({
        code: "FORBIDDEN",
        userMessage: "您只能修改分配给您的内容，“存在的不足和原因”不在分配范围内，本次保存未生效",
      });
      // The report's creator is not limited by anyone's assignments.
      await saveReportContent({ db, user: drafter, reportId, input: { baseRevision: saved.revision, content: outside } });

      await expect(updateAssignment({ db, user: outsider, input: { assignmentId, status: "done" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await updateAssignment({ db, user: contributor, input: { assignmentId, status: "done" } });
      const { progress } = await listReportAssignments({ db, user: drafter, reportId });
      expect(progress.map((entry) => [entry.heading, entry.done, entry.total])).toEqual([
        ["2024年推进法治政府建设的主要举措和成效", 1, 1],
        ["2025年推进法治政府建设的主要安排", 0, 1],
      ]);
      // The assignee cannot lift their own edit restriction; whoever assigned it can.
      await expect(deleteAssignment({ db, user: contributor, input: { assignmentId } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteAssignment({ db, user: drafter, input: { assignmentId } })).resolves.toBeUndefined();
      expect((await listReportAssignments({ db, user: drafter, reportId })).assignments).toHaveLength(1);
    });
  });
});
