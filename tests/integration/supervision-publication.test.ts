import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import { textToDoc } from "@/lib/report-model";
import { exportReport, insertReport } from "@/lib/reports";
import { getPublicVersion, listProgressBoard, recordPublication } from "@/lib/supervision";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

/** The PDF's text as poppler reads it, without the line breaks and spaces of the layout. */
function pdfToText(bytes: Uint8Array): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), "nianbao-public-pdf-"));
  try {
    const file = path.join(directory, "public.pdf");
    writeFileSync(file, bytes);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

describe.skipIf(!isAvailable)(`[PUBLIC] public version and the 已公开 record on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("a signed report's public version hides personal data; marking it 已公开 records the URL and date; late publication shows on the board", async () => {
    await withRollback(handle.db, async (db) => {
      const office = await seedAgency(db, { name: "示例县委依法治县办", level: "county" });
      const bureau = await seedAgency(db, { name: "示例县水务局", level: "department", parentId: office.id });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: bureau.id });
      const approver = await seedUser(db, { roles: ["approver"], agencyId: bureau.id });
      const supervisor = await seedUser(db, { roles: ["supervisor"], agencyId: office.id });
      const stranger = await seedUser(db, { roles: ["approver", "supervisor"] });
      const content = buildCompleteReport({ agency: bureau.name, year: 2025 });
      content.meta.isPublic = false;
      content.sections[0]!.items[0]!.body = textToDoc("举报电话13912345678由专人值守。局党组把学习贯彻习近平法治思想列入理论学习中心组年度计划。");
      const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });

      await expect(getPublicVersion({ db, user: approver, reportId })).rejects.toMatchObject({ code: "INVALID_STATE" });
      await db.update(tables.reports).set({ status: "signed" }).where(eq(tables.reports.id, reportId));

      const version = await getPublicVersion({ db, user: approver, reportId });
      expect(version.redactions).toMatchObject([{ before: "13912345678", after: "139****5678" }]);
      expect(version.html).toContain("举报电话139****5678由专人值守");
      expect(version.html).not.toContain("13912345678");
      expect(version.isOwnAgency).toBe(true);
      // The package's PDF prints the same hidden text as the page; the signed report itself is unchanged.
      const pdf = await exportReport({ db, user: approver, reportId, format: "pdf", isFinal: true, publicContent: version.publicReport });
      const pdfText = pdfToText(pdf.bytes);
      expect(pdfText).toContain("139****5678");
      expect(pdfText).not.toContain("13912345678");
      const [signed] = await db.select().from(tables.reports).where(eq(tables.reports.id, reportId));
      expect(JSON.stringify(signed!.content)).toContain("13912345678");
      const [stored] = await db.select().from(tables.reports).where(eq(tables.reports.id, reportId));
      expect(JSON.stringify(stored!.content)).toContain("13912345678");
      expect((await getPublicVersion({ db, user: supervisor, reportId })).isOwnAgency).toBe(false);
      await expect(getPublicVersion({ db, user: stranger, reportId })).rejects.toMatchObject({ code: "NOT_FOUND" });

      await expect(recordPublication({ db, user: approver, reportId, input: { publishedOn: "2026-04-03", url: "javascript:alert(1)" } })).rejects.toMatchObject(
        { name: "ZodError" },
      );
      await expect(
        recordPublication({ db, user: supervisor, reportId, input: { publishedOn: "2026-04-03", url: "https://www.example.gov.cn/a.html" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        recordPublication({ db, user: stranger, reportId, input: { publishedOn: "2026-04-03", url: "https://www.example.gov.cn/a.html" } }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      const now = new Date("2026-04-10T02:00:00Z");
      await recordPublication({
        db,
        user: approver,
        reportId,
        input: { publishedOn: "2026-04-03", url: "https://www.example.gov.cn/fzzf/2026/0403.html" },
        now,
      });
      const [published] = await db.select().from(tables.reports).where(eq(tables.reports.id, reportId));
      expect(published).toMatchObject({
        status: "published",
        publishedUrl: "https://www.example.gov.cn/fzzf/2026/0403.html",
        publishedNote: "https://www.example.gov.cn/fzzf/2026/0403.html",
      });

      const [row] = await listProgressBoard({ db, user: supervisor, year: 2025, now });
      expect(row).toMatchObject({
        state: "published",
        publishedOn: "2026-04-03",
        isPublishedLate: true,
        publishedUrl: "https://www.example.gov.cn/fzzf/2026/0403.html",
      });
      expect((await getPublicVersion({ db, user: supervisor, reportId })).html).toContain("公开日期：2026年4月3日");
    });
  });
});
