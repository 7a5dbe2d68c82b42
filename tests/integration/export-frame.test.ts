import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getAgencyProfile, updateAgencyFrame, updateAgencyProfile } from "@/lib/admin";
import * as tables from "@/lib/db/schema";
import { stopTypstEngine } from "@/lib/export/pdf";
import { exportReport, insertReport, previewReport } from "@/lib/reports";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";
import { paragraphsOf, unzipDocx } from "../unit/export/docx/helpers/docx-xml";
import { pdfText, pdfToolsStatus, writeTempPdf } from "../unit/export/pdf/poppler";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);
const poppler = pdfToolsStatus();
const isPopplerReady = requireOrSkip(poppler.isReady, poppler.reason);

const PROFILE = {
  name: "青溪市水务局",
  level: "department" as const,
  submissionDeadline: "03-01",
  disclosureDeadline: "04-01",
  fontProfile: "windows" as const,
  defaultMainRecipient: "青溪市人民政府",
  defaultSignature: "青溪市水务局",
};
const AGENCY_FRAME = { agencyMark: "青溪市水务局文件", signer: "王建国", isSealed: true, imprintAgency: "青溪市水务局办公室" };

describe.skipIf(!isAvailable || !isPopplerReady)(`[EXPORT] 版头/版记 from the agency profile and the report on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await stopTypstEngine();
    await handle?.destroy();
  });

  it("the profile form and the 版头/版记 form each keep the other's settings", async () => {
    await withRollback(handle.db, async (db) => {
      const agency = await seedAgency(db, { name: PROFILE.name });
      const admin = await seedUser(db, { roles: ["admin"], agencyId: agency.id });
      await updateAgencyProfile({ db, user: admin, input: PROFILE });
      await updateAgencyFrame({ db, user: admin, input: AGENCY_FRAME });
      expect((await getAgencyProfile({ db, user: admin })).defaultSignature).toBe("青溪市水务局");
      await updateAgencyProfile({ db, user: admin, input: { ...PROFILE, defaultSignature: "青溪市水务局（盖章）" } });
      const profile = await getAgencyProfile({ db, user: admin });
      expect(profile.frame).toEqual(AGENCY_FRAME);
      expect(profile.defaultSignature).toBe("青溪市水务局（盖章）");
      expect(profile.fontProfile).toBe("windows");
      // A stray setting written by something else survives both forms.
      const [row] = await db.select().from(tables.agencies).where(eq(tables.agencies.id, agency.id));
      await db
        .update(tables.agencies)
        .set({ settings: { ...row!.settings, futureKey: "kept" } as typeof tables.agencies.$inferSelect.settings })
        .where(eq(tables.agencies.id, agency.id));
      await updateAgencyFrame({ db, user: admin, input: { ...AGENCY_FRAME, signer: "" } });
      await updateAgencyProfile({ db, user: admin, input: PROFILE });
      const [after] = await db.select().from(tables.agencies).where(eq(tables.agencies.id, agency.id));
      expect(after!.settings).toMatchObject({ futureKey: "kept", frame: { ...AGENCY_FRAME, signer: "" }, defaultSignature: "青溪市水务局" });
      // Only an administrator may change them; a bad value is refused by the shared schema.
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      await expect(updateAgencyFrame({ db, user: drafter, input: AGENCY_FRAME })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateAgencyFrame({ db, user: admin, input: { ...AGENCY_FRAME, agencyMark: "很".repeat(31) } })).rejects.toThrow("发文机关标志不超过30字");
    });
  });

  it("the web export prints the agency's 版头 and the report's own 签发人, 附件, 抄送 and 印发日期 in DOCX and PDF", async () => {
    await withRollback(handle.db, async (db) => {
      const agency = await seedAgency(db, { name: PROFILE.name });
      const admin = await seedUser(db, { roles: ["admin"], agencyId: agency.id });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      await updateAgencyFrame({ db, user: admin, input: AGENCY_FRAME });
      const content = buildCompleteReport({ agency: PROFILE.name, year: 2025 });
      content.meta.docNumber = "青水〔2026 〕5号";
      content.meta.copyTo = "市司法局、市委依法治市办";
      content.frame = { signer: "李明", attachments: ["2025年度法治政府建设主要指标完成情况表", "2026年度工作安排"], imprintDate: "2026-02-12" };
      const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });

      const docx = await exportReport({ db, user: drafter, reportId, format: "docx" });
      const paragraphs = paragraphsOf(unzipDocx(docx.bytes)["word/document.xml"]!);
      const mark = paragraphs.find((paragraph) => paragraph.text === "青溪市水务局文件");
      expect(mark?.xml).toContain('<w:color w:val="FF0000"/>');
      // 上行文: 文号 left, the report's 签发人 (not the agency's) right, in one line.
      const docNumber = paragraphs.find((paragraph) => paragraph.text.startsWith("青水〔2026〕5号"));
      expect(docNumber?.text).toMatch(/^青水〔2026〕5号\t?签发人：李明$/);
      expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(
        expect.arrayContaining(["附件：1.2025年度法治政府建设主要指标完成情况表", "2.2026年度工作安排", "抄送：市司法局、市委依法治市办。"]),
      );
      expect(paragraphs.some((paragraph) => paragraph.text.replace(/\t/g, "") === "青溪市水务局办公室2026年2月12日印发")).toBe(true);

      const pdf = await exportReport({ db, user: drafter, reportId, format: "pdf" });
      const text = pdfText(writeTempPdf(pdf.bytes, "frame.pdf")).replace(/[ \t]+/g, "");
      for (const expected of [
        "青溪市水务局文件",
        "青水〔2026〕5号签发人：李明",
        "附件：1.2025年度法治政府建设主要指标完成情况表",
        "抄送：市司法局、市委依法治市办。",
      ])
        expect(text).toContain(expected);
      expect(text).toMatch(/青溪市水务局办公室2026年2月12日印发/);
      expect(text).not.toContain("王建国");

      // The preview lays out the same pages as the PDF: the red 版头 is on its first page.
      const preview = await previewReport({ db, user: drafter, reportId });
      expect(preview.pages[0]).toMatch(/#ff0000|rgb\(255,\s*0,\s*0\)/i);
    });
  });

  it("without a report override the agency's 签发人 prints, and with no 版头 options the 文号 stays centred", async () => {
    await withRollback(handle.db, async (db) => {
      const agency = await seedAgency(db, { name: PROFILE.name });
      const admin = await seedUser(db, { roles: ["admin"], agencyId: agency.id });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      const content = buildCompleteReport({ agency: PROFILE.name, year: 2025 });
      content.meta.docNumber = "青水〔2026〕5号";
      const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });
      const plain = paragraphsOf(unzipDocx((await exportReport({ db, user: drafter, reportId, format: "docx" })).bytes)["word/document.xml"]!);
      expect(plain.find((paragraph) => paragraph.text.startsWith("青水"))?.text).toBe("青水〔2026〕5号");
      expect(plain.some((paragraph) => paragraph.text.includes("签发人"))).toBe(false);

      await updateAgencyFrame({ db, user: admin, input: AGENCY_FRAME });
      const framed = paragraphsOf(unzipDocx((await exportReport({ db, user: drafter, reportId, format: "docx" })).bytes)["word/document.xml"]!);
      expect(framed.find((paragraph) => paragraph.text.startsWith("青水"))?.text.replace(/\t/g, "")).toBe("青水〔2026〕5号签发人：王建国");
      expect(framed.some((paragraph) => paragraph.text === "青溪市水务局文件")).toBe(true);
    });
  });
});
