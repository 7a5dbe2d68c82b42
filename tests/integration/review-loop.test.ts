import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ReportError } from "@/lib/errors";
import { insertReport, submitReport } from "@/lib/reports";
import { findReturnNotice, getReportReview, transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "(succeeded)";
  } catch (error) {
    return error instanceof ReportError ? error.userMessage : String(error);
  }
}

describe.skipIf(!isAvailable)(`[REVIEW LOOP] the rules of the review loop on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("a return needs a reason, and the drafter then sees who returned it and why", async () => {
    await withRollback(handle.db, async (db) => {
      const drafter = await seedUser(db, { roles: ["drafter"] });
      const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: drafter.agencyId });
      const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: drafter.agencyName }), source: "test" });
      await submitReport({ db, user: drafter, reportId });
      expect(await messageOf(transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "   " } }))).toBe(
        "退回修改时请填写退回意见",
      );
      expect((await getReportReview({ db, user: drafter, reportId })).returnNotice).toBeUndefined();

      await transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "第二部分原因分析不够具体" } });
      const review = await getReportReview({ db, user: drafter, reportId });
      expect(review.returnNotice).toMatchObject({ by: reviewer.displayName, reason: "第二部分原因分析不够具体" });
      expect(await findReturnNotice({ db, reportId, status: "draft" })).toBeUndefined();
    });
  });

  it("a report cannot be published with a date before its sign-off, nor after today", async () => {
    await withRollback(handle.db, async (db) => {
      const drafter = await seedUser(db, { roles: ["drafter"] });
      const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: drafter.agencyId });
      const approver = await seedUser(db, { roles: ["approver"], agencyId: drafter.agencyId });
      const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: drafter.agencyName }), source: "test" });
      await submitReport({ db, user: drafter, reportId });
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "approve" } });
      const signedAt = new Date("2026-03-08T02:00:00Z"); // 3月8日 10:00 in Beijing
      await transitionReport({ db, user: approver, reportId, input: { transition: "signoff" }, now: signedAt });
      expect((await getReportReview({ db, user: approver, reportId })).signedOn).toBe("2026-03-08");

      const publish = (publishedOn: string, now: Date) =>
        messageOf(
          transitionReport({
            db,
            user: approver,
            reportId,
            input: { transition: "publish", publishedOn, publishedNote: "https://www.example.gov.cn/fzzf" },
            now,
          }),
        );
      const later = new Date("2026-03-20T04:00:00Z");
      expect(await publish("2026-03-07", later)).toBe("公开日期不能早于签发日期（2026年3月8日）");
      expect(await publish("2026-03-21", later)).toBe("公开日期不能晚于今天");
      expect(await publish("2026-03-08", later)).toBe("(succeeded)");
    });
  });
});
