import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { ACTIONS, can, permissionTable, type Action } from "@/lib/permissions";
import { ROLES, type ReportStatus, type Role } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { errorBodySchema } from "@/lib/errors";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

// The real requireUser runs; only the session lookup, the request headers and the process-wide database are replaced.
const session = vi.hoisted(() => ({ userId: null as string | null, db: null as unknown }));
// A session as next-auth would hand it over: the user, signed in just now, at the session version the database holds.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => {
    if (!session.userId) return null;
    const { sql } = await import("drizzle-orm");
    const rows = (await (session.db as Database).execute(sql`select session_version from users where id = ${session.userId}`)) as unknown as
      { rows: Array<{ session_version: number }> } | Array<{ session_version: number }>;
    const row = Array.isArray(rows) ? rows[0] : rows.rows[0];
    return { userId: session.userId, sessionVersion: Number(row?.session_version ?? 0), signedInAt: Date.now() };
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.9.8.7" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth/secret", () => ({ getAuthSecret: () => "matrix-test-secret" }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => session.db }));

const workflow = await import("@/app/(workspace)/reports/[reportId]/workflow-actions");
const reportActions = await import("@/app/(workspace)/reports/[reportId]/actions");
const admin = await import("@/app/(workspace)/admin/actions");
const frameActions = await import("@/app/(workspace)/admin/frame-actions");
const trackedRoute = await import("@/app/api/reports/[reportId]/tracked/route");
const auditRoute = await import("@/app/api/audit/export/route");
const contentRoute = await import("@/app/api/reports/[reportId]/content/route");
const supervisionActions = await import("@/app/(workspace)/supervision/actions");
const publicationActions = await import("@/app/(workspace)/publication/[reportId]/actions");
const boardRoute = await import("@/app/api/supervision/board/route");
const summaryRoute = await import("@/app/api/supervision/summary/route");
const exportAllRoute = await import("@/app/api/supervision/export-all/route");
const publicationRoute = await import("@/app/api/publication/[reportId]/route");
const supervision = await import("@/lib/supervision");
const verbs = {
  ...(await import("@/lib/workflow")),
  ...(await import("@/lib/history")),
  ...(await import("@/lib/admin")),
  ...(await import("@/lib/reports")),
};

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

/** What the permission table must say; a change to lib/permissions.ts has to change this too. */
const EXPECTED_TABLE: Record<Role, readonly Action[]> = {
  admin: [
    "report.read",
    "report.create",
    "report.edit",
    "report.import",
    "report.submit",
    "report.comment",
    "report.export",
    "report.assign",
    "report.history",
    "report.restore",
    "users.manage",
    "agency.manage",
    "audit.read",
  ],
  drafter: [
    "report.read",
    "report.create",
    "report.edit",
    "report.import",
    "report.submit",
    "report.comment",
    "report.export",
    "report.assign",
    "report.history",
    "report.restore",
  ],
  reviewer: ["report.read", "report.comment", "report.review", "report.export", "report.history"],
  approver: ["report.read", "report.comment", "report.signoff", "report.publish", "report.reopen", "report.export", "report.history"],
  supervisor: ["report.read", "report.export", "report.history", "supervision.read"],
};

const SECRET_TITLE = "青溪市水务局机密标题";
const SECRET_COMMENT = "只有本机关能看到的意见";

interface World {
  db: Database;
  users: Record<Role, SessionUser>;
  stranger: SessionUser;
  reportId: string;
  threadId: string;
  assignmentId: string;
  firstRevisionId: string;
}

async function seedWorld(db: Database): Promise<World> {
  const agency = await seedAgency(db, { name: "青溪市水务局" });
  const users = {} as Record<Role, SessionUser>;
  for (const role of ROLES) users[role] = await seedUser(db, { roles: [role], agencyId: agency.id, username: `matrix-${role}` });
  const stranger = await seedUser(db, { roles: [...ROLES], username: "matrix-stranger" });
  const content = buildCompleteReport({ agency: agency.name });
  content.meta.title = SECRET_TITLE;
  const { reportId } = await insertReport({ db, user: users.drafter, content, source: "test" });
  const [thread] = await db.insert(tables.commentThreads).values({ reportId, createdBy: users.reviewer.id, quote: "局党组" }).returning();
  await db.insert(tables.comments).values({ threadId: thread!.id, authorId: users.reviewer.id, body: SECRET_COMMENT });
  // Given to a colleague: nobody may withdraw an assignment given to themselves (it would lift their own limit).
  const colleague = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username: "matrix-colleague" });
  const [assignment] = await db
    .insert(tables.assignments)
    .values({ reportId, assigneeId: colleague.id, sectionId: content.sections[3]!.id, createdBy: users.admin.id })
    .returning();
  const [revision] = await db.select().from(tables.reportRevisions).where(eq(tables.reportRevisions.reportId, reportId));
  return { db, users, stranger, reportId, threadId: thread!.id, assignmentId: assignment!.id, firstRevisionId: revision!.id };
}

type Outcome = { ok: boolean; code?: string; text: string };

async function fromResult(promise: Promise<{ ok: boolean; code?: string }>): Promise<Outcome> {
  const result = await promise;
  return { ok: result.ok, code: result.ok ? undefined : result.code, text: JSON.stringify(result) };
}

async function fromResponse(promise: Promise<Response>): Promise<Outcome> {
  const response = await promise;
  const text = await response.text();
  const code = response.ok ? undefined : errorBodySchema.parse(JSON.parse(text)).code;
  return { ok: response.ok, code, text };
}

async function fromVerb(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, text: JSON.stringify(await promise) ?? "" };
  } catch (error) {
    const caught = error as { code?: string; userMessage?: string; message?: string };
    if (!caught.code) throw error;
    return { ok: false, code: caught.code, text: `${caught.userMessage ?? ""} ${caught.message ?? ""}` };
  }
}

interface Operation {
  name: string;
  /** The one entry of the permission table this operation needs. */
  permission: Action;
  status?: ReportStatus;
  /** Works on agency A's records: a user of another agency must get "not found". */
  isForeign: boolean;
  prepare?: (world: World) => Promise<void>;
  viaAction: (world: World, user: SessionUser | null) => Promise<Outcome>;
  viaVerb?: (world: World, user: SessionUser) => Promise<Outcome>;
}

const resolveThread = async (world: World) => {
  await world.db.update(tables.commentThreads).set({ resolvedAt: new Date() }).where(eq(tables.commentThreads.id, world.threadId));
};
const transition = (name: string, permission: Action, status: ReportStatus, extra: Record<string, string> = {}, prepare?: Operation["prepare"]): Operation => ({
  name: `transition ${name}`,
  permission,
  status,
  isForeign: true,
  prepare,
  viaAction: (world) => fromResult(workflow.transitionReportAction({ reportId: world.reportId, transition: name as "submit", ...extra })),
  viaVerb: (world, user) =>
    fromVerb(verbs.transitionReport({ db: world.db, user, reportId: world.reportId, input: { transition: name as "submit", ...extra } })),
});
const contentRequest = (world: World, method: "GET" | "PUT", body?: unknown) =>
  new Request(`http://localhost/api/reports/${world.reportId}/content`, {
    method,
    headers: { host: "localhost", origin: "http://localhost", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const contentOf = async (world: World) => (await world.db.select().from(tables.reports).where(eq(tables.reports.id, world.reportId)))[0]!;

const OPERATIONS: Operation[] = [
  transition("submit", "report.submit", "draft"),
  transition("return", "report.review", "in_review", { note: "请补充数据" }),
  transition("approve", "report.review", "in_review"),
  transition("signoff", "report.signoff", "reviewed", {}, resolveThread),
  transition("publish", "report.publish", "signed", { publishedOn: "2025-03-20", publishedNote: "https://example.gov.cn/a.html" }),
  transition("reopen", "report.reopen", "signed", { note: "更正数据" }),
  {
    name: "submit (lead's action)",
    permission: "report.submit",
    status: "draft",
    isForeign: true,
    viaAction: (world) => fromResult(reportActions.submitReportAction({ reportId: world.reportId })),
    viaVerb: (world, user) => fromVerb(verbs.submitReport({ db: world.db, user, reportId: world.reportId })),
  },
  {
    name: "open a comment thread",
    permission: "report.comment",
    isForeign: true,
    viaAction: (world) => fromResult(workflow.createCommentThreadAction({ reportId: world.reportId, body: "新意见" })),
    viaVerb: (world, user) => fromVerb(verbs.createCommentThread({ db: world.db, user, reportId: world.reportId, input: { body: "新意见" } })),
  },
  {
    name: "reply to a thread",
    permission: "report.comment",
    isForeign: true,
    viaAction: (world) => fromResult(workflow.replyToThreadAction({ reportId: world.reportId, threadId: world.threadId, body: "回复" })),
    viaVerb: (world, user) => fromVerb(verbs.replyToThread({ db: world.db, user, input: { threadId: world.threadId, body: "回复" } })),
  },
  {
    name: "resolve a thread",
    permission: "report.comment",
    isForeign: true,
    viaAction: (world) => fromResult(workflow.setThreadResolvedAction({ reportId: world.reportId, threadId: world.threadId, isResolved: true })),
    viaVerb: (world, user) => fromVerb(verbs.setThreadResolved({ db: world.db, user, threadId: world.threadId, isResolved: true })),
  },
  {
    name: "list comment threads",
    permission: "report.read",
    isForeign: true,
    viaAction: async (world, user) =>
      user ? fromVerb(verbs.listCommentThreads({ db: world.db, user, reportId: world.reportId })) : { ok: false, code: "UNAUTHENTICATED", text: "" },
  },
  {
    name: "assign a part",
    permission: "report.assign",
    isForeign: true,
    viaAction: async (world) => {
      const row = await contentOf(world);
      return fromResult(
        workflow.createAssignmentAction({ reportId: world.reportId, assigneeId: world.users.drafter.id, sectionId: row.content.sections[0]!.id }),
      );
    },
    viaVerb: async (world, user) => {
      const row = await contentOf(world);
      return fromVerb(
        verbs.createAssignment({
          db: world.db,
          user,
          reportId: world.reportId,
          input: { assigneeId: world.users.drafter.id, sectionId: row.content.sections[0]!.id },
        }),
      );
    },
  },
  {
    name: "mark an assignment done",
    permission: "report.edit",
    isForeign: true,
    viaAction: (world) => fromResult(workflow.updateAssignmentAction({ reportId: world.reportId, assignmentId: world.assignmentId, status: "done" })),
    viaVerb: (world, user) => fromVerb(verbs.updateAssignment({ db: world.db, user, input: { assignmentId: world.assignmentId, status: "done" } })),
  },
  {
    name: "withdraw an assignment",
    permission: "report.assign",
    isForeign: true,
    viaAction: (world) => fromResult(workflow.deleteAssignmentAction({ reportId: world.reportId, assignmentId: world.assignmentId })),
    viaVerb: (world, user) => fromVerb(verbs.deleteAssignment({ db: world.db, user, input: { assignmentId: world.assignmentId } })),
  },
  {
    name: "list revisions",
    permission: "report.history",
    isForeign: true,
    viaAction: async (world, user) =>
      user ? fromVerb(verbs.listRevisions({ db: world.db, user, reportId: world.reportId })) : { ok: false, code: "UNAUTHENTICATED", text: "" },
  },
  {
    name: "restore a revision",
    permission: "report.restore",
    status: "draft",
    isForeign: true,
    viaAction: (world) => fromResult(workflow.restoreRevisionAction({ reportId: world.reportId, revisionId: world.firstRevisionId })),
    viaVerb: (world, user) => fromVerb(verbs.restoreRevision({ db: world.db, user, reportId: world.reportId, input: { revisionId: world.firstRevisionId } })),
  },
  {
    name: "read content (GET route)",
    permission: "report.read",
    isForeign: true,
    viaAction: (world) => fromResponse(contentRoute.GET(contentRequest(world, "GET"), { params: Promise.resolve({ reportId: world.reportId }) })),
  },
  {
    name: "save content (PUT route)",
    permission: "report.edit",
    status: "draft",
    isForeign: true,
    viaAction: async (world) => {
      const row = await contentOf(world);
      return fromResponse(
        contentRoute.PUT(contentRequest(world, "PUT", { baseRevision: row.revision, content: row.content }), {
          params: Promise.resolve({ reportId: world.reportId }),
        }),
      );
    },
    viaVerb: async (world, user) => {
      const row = await contentOf(world);
      return fromVerb(verbs.saveReportContent({ db: world.db, user, reportId: world.reportId, input: { baseRevision: row.revision, content: row.content } }));
    },
  },
  {
    name: "create a user",
    permission: "users.manage",
    isForeign: false,
    viaAction: () => fromResult(admin.createUserAction({ username: "matrix-new", displayName: "新用户", password: "matrix-password-1", roles: ["drafter"] })),
    viaVerb: (world, user) =>
      fromVerb(
        verbs.createAgencyUser({
          db: world.db,
          user,
          input: { username: "matrix-new", displayName: "新用户", password: "matrix-password-1", roles: ["drafter"] },
        }),
      ),
  },
  {
    name: "change roles",
    permission: "users.manage",
    isForeign: true,
    viaAction: (world) => fromResult(admin.updateUserRolesAction({ userId: world.users.reviewer.id, roles: ["reviewer", "approver"] })),
    viaVerb: (world, user) =>
      fromVerb(verbs.updateUserRoles({ db: world.db, user, input: { userId: world.users.reviewer.id, roles: ["reviewer", "approver"] } })),
  },
  {
    name: "deactivate a user",
    permission: "users.manage",
    isForeign: true,
    viaAction: (world) => fromResult(admin.setUserActiveAction({ userId: world.users.reviewer.id, isActive: false })),
    viaVerb: (world, user) => fromVerb(verbs.setUserActive({ db: world.db, user, input: { userId: world.users.reviewer.id, isActive: false } })),
  },
  {
    name: "reset a password",
    permission: "users.manage",
    isForeign: true,
    viaAction: (world) => fromResult(admin.resetPasswordAction({ userId: world.users.reviewer.id, password: "matrix-password-2" })),
    viaVerb: (world, user) => fromVerb(verbs.resetPassword({ db: world.db, user, input: { userId: world.users.reviewer.id, password: "matrix-password-2" } })),
  },
  {
    name: "edit the agency profile",
    permission: "agency.manage",
    isForeign: false,
    viaAction: async (world, user) =>
      fromResult(
        admin.updateAgencyProfileAction({
          name: user?.agencyName ?? "某机关",
          level: "department",
          submissionDeadline: "03-01",
          disclosureDeadline: "04-01",
          fontProfile: "gb2312",
        }),
      ),
    viaVerb: (world, user) =>
      fromVerb(
        verbs.updateAgencyProfile({
          db: world.db,
          user,
          input: { name: user.agencyName, level: "department", submissionDeadline: "03-01", disclosureDeadline: "04-01", fontProfile: "gb2312" },
        }),
      ),
  },
  {
    name: "save the 版头/版记 defaults",
    permission: "agency.manage",
    isForeign: false,
    viaAction: () => fromResult(frameActions.updateAgencyFrameAction({ agencyMark: "青溪市水务局文件", signer: "李某某", isSealed: true, imprintAgency: "" })),
    viaVerb: (world, user) =>
      fromVerb(verbs.updateAgencyFrame({ db: world.db, user, input: { agencyMark: "青溪市水务局文件", signer: "李某某", isSealed: true, imprintAgency: "" } })),
  },
  {
    name: "download the review DOCX with tracked changes (route)",
    permission: "report.export",
    isForeign: true,
    viaAction: (world) =>
      fromResponse(
        trackedRoute.GET(new Request(`http://localhost/api/reports/${world.reportId}/tracked`), { params: Promise.resolve({ reportId: world.reportId }) }),
      ),
    viaVerb: (world, user) => fromVerb(verbs.exportReviewDocx({ db: world.db, user, reportId: world.reportId }).then((file) => file.fileName)),
  },
  {
    name: "create a subordinate agency",
    permission: "agency.manage",
    isForeign: false,
    viaAction: () =>
      fromResult(
        admin.createChildAgencyAction({
          agencyName: "青溪市水文站",
          agencyLevel: "department",
          username: "matrix-child",
          displayName: "站长",
          password: "matrix-password-3",
        }),
      ),
    viaVerb: (world, user) =>
      fromVerb(
        verbs.createChildAgency({
          db: world.db,
          user,
          input: { agencyName: "青溪市水文站", agencyLevel: "department", username: "matrix-child", displayName: "站长", password: "matrix-password-3" },
        }),
      ),
  },
  {
    name: "download the audit CSV (route)",
    permission: "audit.read",
    isForeign: false,
    viaAction: () => fromResponse(auditRoute.GET(new Request("http://localhost/api/audit/export"))),
    viaVerb: (world, user) => fromVerb(verbs.listAuditEventsForExport({ db: world.db, user, query: {} })),
  },
  ...supervisionOperations(),
];

/** Supervision (issue #16): a supervisor acts only on the agencies below its own; the public version is the report's own agency's or its supervisor's. */
function supervisionOperations(): Operation[] {
  const childAgency = new WeakMap<World, string>();
  const addChildAgency = async (world: World) => {
    const [child] = await world.db
      .insert(tables.agencies)
      .values({ name: "青溪市水务局下属水文站", level: "department", parentId: world.users.supervisor.agencyId })
      .returning();
    childAgency.set(world, child!.id);
  };
  const reminder = (world: World) => ({ agencyId: childAgency.get(world)!, year: 2024, message: "请尽快报送2024年度报告" });
  return [
    {
      name: "progress board CSV (route)",
      permission: "supervision.read",
      isForeign: false,
      viaAction: () => fromResponse(boardRoute.GET(new Request("http://localhost/api/supervision/board?year=2024"))),
      viaVerb: (world, user) => fromVerb(supervision.listProgressBoard({ db: world.db, user, year: 2024 })),
    },
    {
      name: "summary XLSX (route)",
      permission: "supervision.read",
      isForeign: false,
      viaAction: () => fromResponse(summaryRoute.GET(new Request("http://localhost/api/supervision/summary?year=2024&format=xlsx"))),
      viaVerb: (world, user) => fromVerb(supervision.getSupervisionSummary({ db: world.db, user, year: 2024 })),
    },
    {
      name: "ZIP of signed subordinate reports (route)",
      permission: "supervision.read",
      isForeign: false,
      viaAction: () => fromResponse(exportAllRoute.GET(new Request("http://localhost/api/supervision/export-all?year=2024"))),
      viaVerb: (world, user) => fromVerb(supervision.exportSignedReports({ db: world.db, user, year: 2024 }).then((archive) => archive.reports)),
    },
    {
      name: "send a reminder to a subordinate agency",
      permission: "supervision.read",
      isForeign: true,
      prepare: addChildAgency,
      viaAction: (world) => fromResult(supervisionActions.sendReminderAction(reminder(world))),
      viaVerb: (world, user) => fromVerb(supervision.sendReminder({ db: world.db, user, input: reminder(world) })),
    },
    {
      name: "public version HTML (route)",
      permission: "report.export",
      status: "signed",
      isForeign: true,
      viaAction: (world) =>
        fromResponse(
          publicationRoute.GET(new Request(`http://localhost/api/publication/${world.reportId}?format=html`), {
            params: Promise.resolve({ reportId: world.reportId }),
          }),
        ),
      viaVerb: (world, user) => fromVerb(supervision.getPublicVersion({ db: world.db, user, reportId: world.reportId }).then((version) => version.redactions)),
    },
    {
      name: "mark 已公开 with the URL and date",
      permission: "report.publish",
      status: "signed",
      isForeign: true,
      viaAction: (world) =>
        fromResult(publicationActions.recordPublicationAction({ reportId: world.reportId, publishedOn: "2025-03-20", url: "https://example.gov.cn/b.html" })),
      viaVerb: (world, user) =>
        fromVerb(
          supervision.recordPublication({
            db: world.db,
            user,
            reportId: world.reportId,
            input: { publishedOn: "2025-03-20", url: "https://example.gov.cn/b.html" },
          }),
        ),
    },
  ];
}

type Principal = Role | "stranger" | "anonymous";
const PRINCIPALS: Principal[] = [...ROLES, "stranger", "anonymous"];

function expectedOutcome(operation: Operation, principal: Principal): { ok: true } | { ok: false; code: string } {
  if (principal === "anonymous") return { ok: false, code: "UNAUTHENTICATED" };
  if (principal === "stranger") return operation.isForeign ? { ok: false, code: "NOT_FOUND" } : { ok: true };
  // From the literal table, never from `can()`: the expectation must not be computed by the code under test.
  return EXPECTED_TABLE[principal].includes(operation.permission) ? { ok: true } : { ok: false, code: "FORBIDDEN" };
}

async function tableCounts(db: Database): Promise<string> {
  const rows = await Promise.all([
    db.select().from(tables.reports),
    db.select().from(tables.commentThreads),
    db.select().from(tables.comments),
    db.select().from(tables.assignments),
    db.select().from(tables.users),
    db.select().from(tables.memberships),
    db.select().from(tables.agencies),
  ]);
  return JSON.stringify(rows.map((list) => list.map((row) => ({ ...row, createdAt: undefined })).sort((a, b) => String(a.id).localeCompare(String(b.id)))));
}

describe("[AUTHZ] the permission table", () => {
  it("grants exactly the expected actions to every role", () => {
    expect(permissionTable()).toEqual(EXPECTED_TABLE);
    for (const role of ROLES) for (const action of ACTIONS) expect(can([role], action), `${role} × ${action}`).toBe(EXPECTED_TABLE[role].includes(action));
  });
});

describe.skipIf(!isAvailable)(`[AUTHZ] every role, another agency and a signed-out visitor against every verb on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  for (const level of ["action", "verb"] as const) {
    for (const operation of OPERATIONS) {
      if (level === "verb" && !operation.viaVerb) continue;
      const principals = level === "verb" ? PRINCIPALS.filter((principal) => principal !== "anonymous") : PRINCIPALS;
      it.each(principals)(`${level}: ${operation.name} — %s`, async (principal) => {
        await withRollback(handle.db, async (db) => {
          const world = await seedWorld(db);
          if (operation.status) await db.update(tables.reports).set({ status: operation.status }).where(eq(tables.reports.id, world.reportId));
          await operation.prepare?.(world);
          const user = principal === "anonymous" ? null : principal === "stranger" ? world.stranger : world.users[principal];
          session.userId = user?.id ?? null;
          session.db = db;
          const before = await tableCounts(db);
          const outcome = level === "action" ? await operation.viaAction(world, user) : await operation.viaVerb!(world, user!);
          const expected = expectedOutcome(operation, principal);
          expect({ ok: outcome.ok, code: outcome.code }, outcome.text.slice(0, 300)).toEqual(
            expected.ok ? { ok: true, code: undefined } : { ok: false, code: expected.code },
          );
          if (!expected.ok) expect(await tableCounts(db)).toBe(before);
          if (principal === "stranger" || principal === "anonymous" || !expected.ok) {
            for (const secret of [SECRET_TITLE, SECRET_COMMENT, "matrix-reviewer", "matrix-drafter"]) expect(outcome.text).not.toContain(secret);
          }
        });
      });
    }
  }
});
