import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createBackup, restoreBackup, type BackupFile } from "@/lib/backup";
import { openDatabase, type Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { insertReport, saveReportContent, submitReport } from "@/lib/reports";
import { textToDoc } from "@/lib/report-model";
import { createAssignment, createCommentThread, replyToThread, transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, type TestDatabase } from "../helpers/create-test-db";
import { REPO_ROOT, requireOrSkip } from "../helpers/environment";

const run = promisify(execFile);
const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

/** Two agencies (a supervising office and a bureau below it) with a report through review, comments and an assignment. */
async function seedInstallation(db: Database): Promise<{ bureauName: string }> {
  const office = await seedAgency(db, { name: "青溪市委依法治市办", level: "city" });
  const bureau = await seedAgency(db, { name: "青溪市水务局", level: "department", parentId: office.id });
  const drafter = await seedUser(db, { roles: ["drafter"], agencyId: bureau.id, username: "qx-drafter" });
  const helper = await seedUser(db, { roles: ["drafter"], agencyId: bureau.id, username: "qx-helper" });
  const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: bureau.id, username: "qx-reviewer" });
  await seedUser(db, { roles: ["supervisor"], agencyId: office.id, username: "qx-supervisor" });
  const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: bureau.name }), source: "test" });
  const [row] = await db.select().from(tables.reports);
  const content = structuredClone(row!.content);
  content.sections[0]!.items[0]!.body = textToDoc("局党组全年专题学习习近平法治思想六次，“一把手”带头讲法治课。");
  await saveReportContent({ db, user: drafter, reportId, input: { baseRevision: 1, content } });
  await createAssignment({ db, user: drafter, reportId, input: { assigneeId: helper.id, sectionId: content.sections[3]!.id, dueDate: "2025-01-31" } });
  await submitReport({ db, user: drafter, reportId });
  const { threadId } = await createCommentThread({
    db,
    user: reviewer,
    reportId,
    input: {
      anchor: { sectionId: content.sections[0]!.id, itemId: content.sections[0]!.items[0]!.id, field: "body", from: 0, to: 3, quote: "局党组" },
      body: "请写明学习的具体内容",
    },
  });
  await replyToThread({ db, user: drafter, input: { threadId, body: "好的，已补充" } });
  await transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "学习内容写得不够具体" } });
  // A supervisor's reminder to the bureau (it travels with the whole installation only).
  await db.insert(tables.reminders).values({ fromAgencyId: office.id, toAgencyId: bureau.id, year: 2024, message: "请于3月1日前报送年度报告" });
  return { bureauName: bureau.name };
}

async function snapshot(db: Database) {
  return {
    agencies: await db.select().from(tables.agencies).orderBy(asc(tables.agencies.id)),
    users: await db.select().from(tables.users).orderBy(asc(tables.users.id)),
    memberships: await db.select().from(tables.memberships).orderBy(asc(tables.memberships.id)),
    reports: await db.select().from(tables.reports).orderBy(asc(tables.reports.id)),
    revisions: await db.select().from(tables.reportRevisions).orderBy(asc(tables.reportRevisions.id)),
    threads: await db.select().from(tables.commentThreads).orderBy(asc(tables.commentThreads.id)),
    comments: await db.select().from(tables.comments).orderBy(asc(tables.comments.id)),
    assignments: await db.select().from(tables.assignments).orderBy(asc(tables.assignments.id)),
    reminders: await db.select().from(tables.reminders).orderBy(asc(tables.reminders.id)),
    notifications: await db.select().from(tables.notifications).orderBy(asc(tables.notifications.id)),
  };
}

function withoutCreatedAt(backup: BackupFile) {
  return { ...backup, createdAt: "" };
}

describe.skipIf(!isAvailable)(`[BACKUP] lossless backup and restore (PGlite → ${testDbKind()} → PGlite)`, () => {
  let source: Awaited<ReturnType<typeof openDatabase>>;
  let target: TestDatabase;
  beforeAll(async () => {
    source = await openDatabase({ dataDir: "memory://" });
    await seedInstallation(source.db);
    target = await createTestDb();
  });
  afterAll(async () => {
    await source?.close();
    await target?.destroy();
  });

  it("restores the installation into an empty database with identical reports, revisions, comments and users", async () => {
    const backup = await createBackup({ db: source.db });
    expect(backup.tables.report_revisions.length).toBe(4);
    // Microseconds survive: the backup keeps PostgreSQL's own timestamp text.
    expect(String(backup.tables.reports[0]!.updated_at)).toMatch(/\.\d{6}\+00:00$|\.\d{1,6}\+00:00$/);
    const summary = await restoreBackup({ db: target.db, file: JSON.parse(JSON.stringify(backup)) });
    expect(summary.counts.reports).toBe(1);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    const again = await createBackup({ db: target.db });
    expect(withoutCreatedAt(again).tables).toEqual({ ...withoutCreatedAt(backup).tables, audit_events: again.tables.audit_events });
    expect(again.tables.audit_events.slice(0, backup.tables.audit_events.length)).toEqual(backup.tables.audit_events);

    // And back into a fresh PGlite.
    const back = await openDatabase({ dataDir: "memory://" });
    try {
      await restoreBackup({ db: back.db, file: again });
      expect(await snapshot(back.db)).toEqual(await snapshot(source.db));
      // The audit sequence continues after the restored entries.
      await back.db.insert(tables.auditEvents).values({ action: "sign_in" });
    } finally {
      await back.close();
    }
  });

  it("refuses to restore over existing ids without --replace, changing nothing; with it, overwrites", async () => {
    const backup = await createBackup({ db: source.db, agencyName: "青溪市水务局" });
    expect(backup.scope).toMatchObject({ kind: "agency", agencyName: "青溪市水务局" });
    expect(backup.tables.agencies.map((row) => row.name)).toEqual(["青溪市水务局"]);
    expect(backup.tables.users.map((row) => row.username).sort()).toEqual(["qx-drafter", "qx-helper", "qx-reviewer"]);
    const before = await snapshot(target.db);
    await expect(restoreBackup({ db: target.db, file: backup })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/^目标数据库中已有相同编号的记录（机关 1 条、用户 3 条.*如确需覆盖，请加 --replace$/),
    });
    expect(await snapshot(target.db)).toEqual(before);
    const edited = structuredClone(backup);
    edited.tables.reports[0]!.title = "恢复时覆盖的标题";
    await restoreBackup({ db: target.db, file: edited, shouldReplace: true });
    const [report] = await target.db.select().from(tables.reports);
    expect(report!.title).toBe("恢复时覆盖的标题");
    await expect(restoreBackup({ db: target.db, file: { ...backup, formatVersion: 9 } })).rejects.toMatchObject({
      userMessage: "备份文件格式版本为 9，本程序只支持到 1，请升级后再恢复",
    });
  });

  it("an agency backup restored into an installation without its parent keeps everything else and says so", async () => {
    const backup = await createBackup({ db: source.db, agencyName: "青溪市水务局" });
    const fresh = await openDatabase({ dataDir: "memory://" });
    try {
      const summary = await restoreBackup({ db: fresh.db, file: backup });
      expect(summary.notes).toEqual(["机关“青溪市水务局”的上级机关不在目标数据库中，已恢复为无上级机关"]);
      const [agency] = await fresh.db.select().from(tables.agencies);
      expect(agency!.parentId).toBeNull();
      expect((await fresh.db.select().from(tables.comments).orderBy(asc(tables.comments.createdAt))).map((comment) => comment.body)).toEqual([
        "请写明学习的具体内容",
        "好的，已补充",
        "退回意见：学习内容写得不够具体",
      ]);
    } finally {
      await fresh.close();
    }
  });

  // The CLI test drives PGlite data directories, so it exists only in the PGlite project (not skipped elsewhere).
  const itOnPglite = testDbKind() === "pglite" ? it : () => undefined;
  itOnPglite(
    "the CLI backs up a PGlite data directory and restores it into another one",
    async () => {
      const directory = mkdtempSync(path.join(os.tmpdir(), "nianbao-backup-"));
      try {
        const first = await openDatabase({ dataDir: path.join(directory, "a") });
        await seedInstallation(first.db);
        await first.close();
        const file = path.join(directory, "备份.json");
        const cli = (dataDir: string, ...args: string[]) =>
          run(process.execPath, [path.join(REPO_ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "lib/cli/index.ts", ...args], {
            cwd: REPO_ROOT,
            env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
          });
        const backedUp = await cli(path.join(directory, "a"), "backup", file, "--agency", "青溪市水务局");
        expect(backedUp.stdout).toContain("已备份机关“青溪市水务局”");
        expect(JSON.parse(readFileSync(file, "utf8")).format).toBe("nianbao-backup");
        const restored = await cli(path.join(directory, "b"), "restore", file);
        expect(restored.stdout).toContain("恢复完成：机关 1，用户 3");
        const refused = await cli(path.join(directory, "b"), "restore", file).then(
          () => null,
          (error: { code: number; stderr: string }) => error,
        );
        expect(refused?.code).toBe(2);
        expect(refused?.stderr).toContain("如确需覆盖，请加 --replace");
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
