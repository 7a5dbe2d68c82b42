import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeAuditEvent, listAuditEvents, listAuditReportTitles } from "@/lib/admin";
import { insertReport } from "@/lib/reports";
import { transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

// Issue #19, rough edge 7: the audit log reads as sentences and names the report, without internal ids.
describe.skipIf(!isAvailable)(`[AUDIT] readable audit details on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("describes 流转 and 新建 in Chinese and names the agency's own report, never another agency's", async () => {
    await withRollback(handle.db, async (db) => {
      const { id: agencyId } = await seedAgency(db, { name: "青溪市水务局" });
      const admin = await seedUser(db, { roles: ["admin", "drafter", "reviewer"], agencyId });
      const { reportId } = await insertReport({ db, user: admin, content: buildCompleteReport({ agency: "青溪市水务局" }), source: "template:department" });
      await transitionReport({ db, user: admin, reportId, input: { transition: "submit" } });
      await transitionReport({ db, user: admin, reportId, input: { transition: "return", note: "第二部分原因分析不够具体" } });

      const { events } = await listAuditEvents({ db, user: admin, query: { page: 1 } });
      const lines = events.map((event) => [event.action, describeAuditEvent(event)]);
      expect(lines).toEqual([
        ["report.status", "待审核 → 退回修改，第3版；意见：第二部分原因分析不够具体"],
        ["report.status", "草稿 → 待审核，第2版"],
        ["report.create", "2024年度，按模板新建"],
      ]);
      for (const [, line] of lines) expect(line).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|\{|"/);

      const titles = await listAuditReportTitles({ db, user: admin, events });
      expect(titles.get(reportId)).toEqual({ year: 2024, title: "青溪市水务局关于2024年度法治政府建设情况的报告" });

      const otherAgency = await seedAgency(db, { name: "远山县司法局" });
      const otherAdmin = await seedUser(db, { roles: ["admin"], agencyId: otherAgency.id });
      expect((await listAuditReportTitles({ db, user: otherAdmin, events })).size).toBe(0);
    });
  });

  it.each([
    [
      { action: "report.export", detail: { format: "docx", isDraft: false, revision: 5, reportAgencyId: "0b0e6f1c-1111-4c1c-9c1c-111111111111" } },
      "DOCX，正式稿，第5版",
    ],
    [{ action: "user.roles", detail: { username: "wangfang", before: ["drafter"], after: ["drafter", "reviewer"] } }, "wangfang：起草人 → 起草人、审核人"],
    [{ action: "agency.update", detail: { changed: ["submissionDeadline", "defaultSignature"] } }, "修改了报送期限、默认署名"],
    [
      {
        action: "report.status",
        detail: { transition: "publish", from: "signed", to: "published", revision: 7, publishedOn: "2025-03-28", publishedNote: "门户网站" },
      },
      "已签发 → 已公开，第7版；公开日期：2025年3月28日；公开方式：门户网站",
    ],
    [{ action: "something.new", detail: { threadId: "x", count: 3, label: "样例" } }, "count：3，label：样例"],
  ])("describes %j", (event, expected) => {
    expect(describeAuditEvent(event)).toBe(expected);
  });
});
