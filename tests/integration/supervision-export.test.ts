import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createReportFromTemplate } from "@/lib/report-model";
import { exportReport, insertReport } from "@/lib/reports";
import { getTemplate } from "@/templates";

import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

describe.skipIf(!isAvailable)(`[SUPERVISION] export of subordinate reports on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("a supervising agency exports its subordinates' reports; an unrelated supervisor gets not found", async () => {
    await withRollback(handle.db, async (db) => {
      const office = await seedAgency(db, { name: "示例市委依法治市办", level: "city" });
      const bureau = await seedAgency(db, { name: "示例市交通运输局", level: "department", parentId: office.id });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: bureau.id });
      const supervisor = await seedUser(db, { roles: ["supervisor"], agencyId: office.id });
      const stranger = await seedUser(db, { roles: ["supervisor"] });
      const content = createReportFromTemplate(getTemplate("department"), { agency: bureau.name, year: 2025 });
      const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });

      const file = await exportReport({ db, user: supervisor, reportId, format: "docx" });
      expect(file.fileName).toBe("示例市交通运输局2025年法治政府建设情况报告.docx");
      expect(Buffer.from(file.bytes).subarray(0, 2).toString("latin1")).toBe("PK");
      await expect(exportReport({ db, user: stranger, reportId, format: "docx" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
