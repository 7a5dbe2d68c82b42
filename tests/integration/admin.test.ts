import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifyCredentials } from "@/lib/accounts";
import { loadSessionUser } from "@/lib/accounts/load-session-user";
import {
  auditEventsToCsv,
  createAgencyUser,
  createChildAgency,
  getAgencyProfile,
  listAuditEvents,
  listAuditEventsForExport,
  listUsers,
  resetPassword,
  setUserActive,
  updateAgencyProfile,
  updateUserRoles,
} from "@/lib/admin";
import * as tables from "@/lib/db/schema";
import { createReport, getReport, insertReport, listReports } from "@/lib/reports";
import { findReportForSupervisor, listSupervisedReports } from "@/lib/supervision";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

describe.skipIf(!isAvailable)(`[ADMIN] users, agency profile, audit log and supervision on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("creates users, changes roles (audited), resets passwords and deactivates, never leaving the agency without an admin", async () => {
    await withRollback(handle.db, async (db) => {
      const admin = await seedUser(db, { roles: ["admin"] });
      const outsider = await seedUser(db, { roles: ["drafter"] });
      const { userId } = await createAgencyUser({
        db,
        user: admin,
        input: { username: "zhang.wei", displayName: "张伟", password: "first-password-1", roles: ["drafter"] },
      });
      await expect(
        createAgencyUser({ db, user: admin, input: { username: "li.na", displayName: "李娜", password: "short", roles: ["drafter"] } }),
      ).rejects.toMatchObject({ name: "ZodError" });
      await updateUserRoles({ db, user: admin, input: { userId, roles: ["reviewer", "drafter"] } });
      expect((await listUsers({ db, user: admin })).find((member) => member.id === userId)?.roles).toEqual(["drafter", "reviewer"]);
      const [roleEvent] = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.action, "user.roles"));
      expect(roleEvent).toMatchObject({
        userId: admin.id,
        targetId: userId,
        detail: { username: "zhang.wei", before: ["drafter"], after: ["drafter", "reviewer"] },
      });

      await expect(resetPassword({ db, user: admin, input: { userId, password: "123456789" } })).rejects.toMatchObject({ name: "ZodError" });
      await resetPassword({ db, user: admin, input: { userId, password: "second-password-2" } });
      await expect(verifyCredentials({ db, input: { username: "zhang.wei", password: "second-password-2" } })).resolves.toMatchObject({ userId });

      await setUserActive({ db, user: admin, input: { userId, isActive: false } });
      expect(await loadSessionUser(db, userId)).toBeNull();
      await expect(verifyCredentials({ db, input: { username: "zhang.wei", password: "second-password-2" } })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });

      await expect(setUserActive({ db, user: admin, input: { userId: admin.id, isActive: false } })).rejects.toMatchObject({
        userMessage: "不能停用自己的账号",
      });
      await expect(updateUserRoles({ db, user: admin, input: { userId: admin.id, roles: ["drafter"] } })).rejects.toMatchObject({
        userMessage: "本机关至少要保留一名在用的管理员",
      });
      await expect(updateUserRoles({ db, user: admin, input: { userId: outsider.id, roles: ["admin"] } })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(resetPassword({ db, user: admin, input: { userId: outsider.id, password: "take-over-password" } })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(listUsers({ db, user: outsider })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  it("the agency profile sets deadlines and the defaults new reports start with", async () => {
    await withRollback(handle.db, async (db) => {
      const admin = await seedUser(db, { roles: ["admin", "drafter"] });
      await updateAgencyProfile({
        db,
        user: admin,
        input: {
          name: admin.agencyName,
          level: "department",
          submissionDeadline: "02-15",
          disclosureDeadline: "03-31",
          fontProfile: "windows",
          defaultMainRecipient: "青溪市人民政府",
          defaultSignature: "青溪市水务局",
        },
      });
      await expect(
        updateAgencyProfile({
          db,
          user: admin,
          input: { name: admin.agencyName, level: "department", submissionDeadline: "2-30", disclosureDeadline: "03-31", fontProfile: "windows" },
        }),
      ).rejects.toMatchObject({ name: "ZodError" });
      expect(await getAgencyProfile({ db, user: admin })).toMatchObject({
        submissionDeadline: "02-15",
        fontProfile: "windows",
        defaultSignature: "青溪市水务局",
      });
      const { reportId } = await createReport({ db, user: admin, input: { year: 2024, templateId: "department" } });
      const report = await getReport({ db, user: admin, reportId });
      expect(report.content.meta).toMatchObject({ mainRecipient: "青溪市人民政府", signature: "青溪市水务局" });
      const [summary] = await listReports({ db, user: admin, now: new Date("2025-02-10T04:00:00Z") });
      expect(summary!.deadlines).toEqual([
        { kind: "submission", label: "报送", dueDate: "2025-02-15", state: "due_soon", daysLeft: 5 },
        { kind: "disclosure", label: "公开", dueDate: "2025-03-31", state: "upcoming", daysLeft: 49 },
      ]);
      const [late] = await listReports({ db, user: admin, now: new Date("2025-02-20T04:00:00Z") });
      expect(late!.deadlines[0]).toMatchObject({ state: "late", daysLeft: -5 });
    });
  });

  it("a supervising agency's admin creates a subordinate agency; its supervisor sees the reports below, and nobody else's", async () => {
    await withRollback(handle.db, async (db) => {
      const office = await seedAgency(db, { name: "青溪市委依法治市办", level: "city" });
      const officeAdmin = await seedUser(db, { roles: ["admin"], agencyId: office.id });
      const supervisor = await seedUser(db, { roles: ["supervisor"], agencyId: office.id });
      const { agencyId } = await createChildAgency({
        db,
        user: officeAdmin,
        input: { agencyName: "青溪市水务局", agencyLevel: "department", username: "qx-water-admin", displayName: "王芳", password: "water-admin-pass" },
      });
      const grandchild = await seedAgency(db, { name: "青溪市水文站", parentId: agencyId });
      const unrelated = await seedAgency(db, { name: "远山县司法局" });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId });
      const stationDrafter = await seedUser(db, { roles: ["drafter"], agencyId: grandchild.id });
      const farDrafter = await seedUser(db, { roles: ["drafter"], agencyId: unrelated.id });
      const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: "青溪市水务局" }), source: "test" });
      const { reportId: farId } = await insertReport({ db, user: farDrafter, content: buildCompleteReport({ agency: "远山县司法局" }), source: "test" });

      const rows = await listSupervisedReports({ db, user: supervisor, year: 2024, now: new Date("2025-03-05T00:00:00Z") });
      expect(rows.map((row) => [row.agencyName, row.depth, row.report?.status ?? null])).toEqual([
        ["青溪市水务局", 1, "draft"],
        ["青溪市水文站", 2, null],
      ]);
      // The optional 其他 part does not count toward the required parts.
      expect(rows[0]!.report!.completeness).toEqual({ done: 4, total: 4 });
      expect(rows[0]!.report!.errorCount).toBe(0);
      expect(rows[1]!.deadlines[0]).toMatchObject({ state: "late", daysLeft: -4 });
      expect((await findReportForSupervisor({ db, user: supervisor, reportId }))?.agencyName).toBe("青溪市水务局");
      expect(await findReportForSupervisor({ db, user: supervisor, reportId: farId })).toBeNull();
      expect(await findReportForSupervisor({ db, user: officeAdmin, reportId })).toBeNull();
      await expect(listSupervisedReports({ db, user: stationDrafter, year: 2024 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      // The ordinary report verbs stay scoped to the supervisor's own agency.
      await expect(getReport({ db, user: supervisor, reportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  it("filters the audit log by action, user and date, and exports it as UTF-8 CSV with a BOM", async () => {
    await withRollback(handle.db, async (db) => {
      const admin = await seedUser(db, { roles: ["admin"] });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: admin.agencyId });
      const other = await seedUser(db, { roles: ["admin"] });
      await db.insert(tables.auditEvents).values([
        {
          action: "sign_in_failed",
          userId: drafter.id,
          username: drafter.username,
          detail: { username: drafter.username },
          ip: "10.0.0.7",
          at: new Date("2025-03-01T01:00:00Z"),
        },
        {
          action: "report.export",
          userId: drafter.id,
          username: drafter.username,
          agencyId: admin.agencyId,
          targetId: "r1",
          detail: { format: "docx" },
          ip: "10.0.0.7",
          at: new Date("2025-03-02T01:00:00Z"),
        },
        {
          action: "report.export",
          userId: other.id,
          username: other.username,
          agencyId: other.agencyId,
          detail: { note: '=HYPERLINK("x")' },
          at: new Date("2025-03-02T02:00:00Z"),
        },
        {
          action: "report.status",
          userId: admin.id,
          username: admin.username,
          agencyId: admin.agencyId,
          detail: { from: "draft", to: "in_review" },
          at: new Date("2025-03-04T01:00:00Z"),
        },
      ]);
      const all = await listAuditEvents({ db, user: admin, query: {} });
      expect(all.events.map((event) => event.action)).toEqual(["report.status", "report.export", "sign_in_failed"]);
      expect((await listAuditEvents({ db, user: admin, query: { action: "report.export" } })).events).toHaveLength(1);
      expect((await listAuditEvents({ db, user: admin, query: { username: drafter.username } })).events).toHaveLength(2);
      expect((await listAuditEvents({ db, user: admin, query: { from: "2025-03-02", to: "2025-03-02" } })).events.map((event) => event.action)).toEqual([
        "report.export",
      ]);
      await expect(listAuditEvents({ db, user: drafter, query: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const csv = auditEventsToCsv(await listAuditEventsForExport({ db, user: admin, query: {} }));
      expect(csv.startsWith("\uFEFF时间,时间（UTC）,用户,操作,操作代码,对象,详情,来源地址\r\n")).toBe(true);
      expect(csv).toContain(`2025年3月1日 09:00,2025-03-01T01:00:00.000Z,${drafter.username},登录失败,sign_in_failed,,`);
      expect(csv).toContain(",10.0.0.7\r\n");
      expect(csv).not.toContain("HYPERLINK");
      expect(
        auditEventsToCsv([
          { id: 1, at: new Date("2025-03-01T00:00:00Z"), userId: null, username: "=cmd", agencyId: null, action: "x", targetId: null, detail: {}, ip: null },
        ]),
      ).toContain(",'=cmd,");
    });
  });
});
