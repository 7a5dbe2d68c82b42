import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import { createReportFromTemplate } from "@/lib/report-model";
import { insertReport } from "@/lib/reports";
import { exportSignedReports } from "@/lib/supervision";
import { getTemplate } from "@/templates";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe.skipIf(!isAvailable)(`[SUPERVISION] ZIP of the signed subordinate reports on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("holds the final DOCX and PDF of each signed or published report, named by agency and year, and a manifest", async () => {
    await withRollback(handle.db, async (db) => {
      const office = await seedAgency(db, { name: "示例县委依法治县办", level: "county" });
      const names = ["示例县水务局", "示例县民政局", "示例县青石镇"];
      const agencies = await Promise.all(
        names.map((name) => seedAgency(db, { name, level: name.endsWith("镇") ? "township" : "department", parentId: office.id })),
      );
      const statuses = ["signed", "published", "draft"] as const;
      for (const [index, agency] of agencies.entries()) {
        const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
        const content =
          index < 2
            ? buildCompleteReport({ agency: agency.name, year: 2025 })
            : createReportFromTemplate(getTemplate("township"), { agency: agency.name, year: 2025 });
        const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });
        await db.update(tables.reports).set({ status: statuses[index]! }).where(eq(tables.reports.id, reportId));
      }
      const supervisor = await seedUser(db, { roles: ["supervisor"], agencyId: office.id });
      const archive = await exportSignedReports({ db, user: supervisor, year: 2025 });
      expect(archive.reports.map((report) => report.agencyName)).toEqual(["示例县民政局", "示例县水务局"]);
      const files = unzipSync(await readAll(archive.stream));
      expect(Object.keys(files).sort()).toEqual(
        [
          "示例县民政局_2025年度法治政府建设年度报告.docx",
          "示例县民政局_2025年度法治政府建设年度报告.pdf",
          "示例县水务局_2025年度法治政府建设年度报告.docx",
          "示例县水务局_2025年度法治政府建设年度报告.pdf",
          "清单.csv",
        ].sort(),
      );
      expect(Buffer.from(files["示例县水务局_2025年度法治政府建设年度报告.docx"]!).subarray(0, 2).toString("latin1")).toBe("PK");
      expect(Buffer.from(files["示例县水务局_2025年度法治政府建设年度报告.pdf"]!).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const manifest = new TextDecoder().decode(files["清单.csv"]);
      expect(manifest).toContain("示例县青石镇,起草中,未签发，未收录");
      expect(manifest).toContain("示例县水务局,已收录,示例县水务局_2025年度法治政府建设年度报告.pdf");
      expect(archive.failures).toEqual([]);
      const exports = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.action, "report.export"));
      expect(exports.filter((event) => event.userId === supervisor.id)).toHaveLength(4);

      const stranger = await seedUser(db, { roles: ["supervisor"] });
      const foreign = await exportSignedReports({ db, user: stranger, year: 2025 });
      expect(foreign.reports).toEqual([]);
      expect(Object.keys(unzipSync(await readAll(foreign.stream)))).toEqual(["清单.csv"]);
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: office.id });
      await expect(exportSignedReports({ db, user: drafter, year: 2025 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  }, 120_000);
});
