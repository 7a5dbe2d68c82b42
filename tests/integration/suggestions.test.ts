import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { acceptedView, docToText, listSuggestions, type Report, type RichNode, type SuggestionAttrs } from "@/lib/report-model";
import { getReport, insertReport, resolveReportSuggestions, saveReportContent, submitReport } from "@/lib/reports";
import { transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

interface Team {
  drafter: SessionUser;
  reviewer: SessionUser;
  approver: SessionUser;
  stranger: SessionUser;
  reportId: string;
}

async function seedTeam(db: Database): Promise<Team> {
  const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
  const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
  const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
  const approver = await seedUser(db, { roles: ["approver"], agencyId: agency.id });
  const stranger = await seedUser(db, { roles: ["admin", "drafter", "reviewer", "approver"] });
  const report = buildCompleteReport({ agency: agency.name });
  report.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次。" }] }] };
  const { reportId } = await insertReport({ db, user: drafter, content: report, source: "test" });
  return { drafter, reviewer, approver, stranger, reportId };
}

function attrsOf(user: SessionUser, id: string): SuggestionAttrs {
  return { id, authorId: user.id, authorName: user.displayName, at: "2026-11-29T08:15:00.000Z" };
}

/** The first item reads "全年开展[集中]专题学习{六次}[八次]。": one insertion, one deletion, one insertion. */
function withThreeSuggestions(content: Report, user: SessionUser): Report {
  const next = structuredClone(content);
  const text = (value: string, mark?: { type: "suggestInsert" | "suggestDelete"; id: string }): RichNode =>
    mark ? { type: "text", text: value, marks: [{ type: mark.type, attrs: attrsOf(user, mark.id) }] } : { type: "text", text: value };
  next.sections[0]!.items[0]!.body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          text("全年开展"),
          text("集中", { type: "suggestInsert", id: "s-ji" }),
          text("专题学习"),
          text("六次", { type: "suggestDelete", id: "s-liu" }),
          text("八次", { type: "suggestInsert", id: "s-ba" }),
          text("。"),
        ],
      },
    ],
  };
  return next;
}

async function save(db: Database, user: SessionUser, reportId: string, change: (content: Report) => Report) {
  const row = await getReport({ db, user, reportId });
  return saveReportContent({ db, user, reportId, input: { baseRevision: row.revision, content: change(row.content) } });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const firstBody = (content: Report) => docToText(content.sections[0]!.items[0]!.body);

describe.skipIf(!isAvailable)(`[SUGGEST] suggestion mode rules on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("a reviewer suggests three changes, the drafter accepts two and rejects one, and the stored text is right", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, reportId } = await seedTeam(db);
      await submitReport({ db, user: drafter, reportId });
      await save(db, reviewer, reportId, (content) => withThreeSuggestions(content, reviewer));
      const suggested = await getReport({ db, user: drafter, reportId });
      expect(listSuggestions(suggested.content).map((s) => [s.id, s.kind, s.text, s.authorName])).toEqual([
        ["s-ji", "insert", "集中", reviewer.displayName],
        ["s-liu", "delete", "六次", reviewer.displayName],
        ["s-ba", "insert", "八次", reviewer.displayName],
      ]);
      expect(firstBody(acceptedView(suggested.content))).toBe("全年开展集中专题学习八次。");
      // The drafter may not decide while the report is in review; after the return they may.
      expect(await codeOf(resolveReportSuggestions({ db, user: drafter, input: { reportId, decision: "accept", ids: ["s-ji"] } }))).toBe("INVALID_STATE");
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "请按修订修改" } });
      await resolveReportSuggestions({ db, user: drafter, input: { reportId, decision: "accept", ids: ["s-liu", "s-ba"] } });
      const last = await resolveReportSuggestions({ db, user: drafter, input: { reportId, decision: "reject", ids: ["s-ji"] } });
      expect(last).toMatchObject({ resolved: 1, remaining: 0 });
      const stored = await getReport({ db, user: drafter, reportId });
      expect(stored.content.sections[0]!.items[0]!.body).toEqual({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "全年开展专题学习八次。" }] }],
      });
      const notes = await db.select({ note: tables.reportRevisions.note }).from(tables.reportRevisions).where(eq(tables.reportRevisions.reportId, reportId));
      expect(notes.map((row) => row.note)).toEqual(expect.arrayContaining(["提出修订", "接受修订 2 处", "拒绝修订 1 处"]));
      // A decided suggestion cannot be decided again.
      expect(await codeOf(resolveReportSuggestions({ db, user: drafter, input: { reportId, decision: "accept", ids: ["s-ji"] } }))).toBe("CONFLICT");
    });
  });

  it("a reviewer may not make a plain edit, change another's suggestion or suggest in someone else's name", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, approver, reportId } = await seedTeam(db);
      await submitReport({ db, user: drafter, reportId });
      const plain = (content: Report) => {
        const next = structuredClone(content);
        next.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "全年开展专题学习八次。" }] }] };
        return next;
      };
      expect(await codeOf(save(db, reviewer, reportId, plain))).toBe("FORBIDDEN");
      const retitled = (content: Report) => ({ ...content, meta: { ...content.meta, title: "另一个标题" } });
      expect(await codeOf(save(db, reviewer, reportId, retitled))).toBe("FORBIDDEN");
      expect(await codeOf(save(db, reviewer, reportId, (content) => withThreeSuggestions(content, approver)))).toBe("FORBIDDEN");
      expect(await codeOf(save(db, drafter, reportId, (content) => withThreeSuggestions(content, drafter)))).toBe("INVALID_STATE");
      await save(db, reviewer, reportId, (content) => withThreeSuggestions(content, reviewer));
      // The approver (after approval) may add their own but not withdraw the reviewer's.
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "approve" } });
      const dropReviewers = (content: Report) => {
        const next = structuredClone(content);
        next.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次。" }] }] };
        return next;
      };
      expect(await codeOf(save(db, approver, reportId, dropReviewers))).toBe("FORBIDDEN");
      const addOwn = (content: Report) => {
        const next = structuredClone(content);
        next.sections[0]!.items[1]!.body.content.unshift({
          type: "paragraph",
          content: [{ type: "text", text: "补充一句。", marks: [{ type: "suggestInsert", attrs: attrsOf(approver, "s-approver") }] }],
        });
        return next;
      };
      // A whole new paragraph under the approver's suggestInsert: rejecting it removes the paragraph, so it is a suggestion.
      expect(await codeOf(save(db, approver, reportId, addOwn))).toBe("ok");
      const emptyParagraph = (content: Report) => {
        const next = structuredClone(content);
        next.sections[0]!.items[1]!.body.content.push({ type: "paragraph" });
        return next;
      };
      // An empty paragraph changes no text: it is how a suggested paragraph starts (Enter, then typing).
      expect(await codeOf(save(db, approver, reportId, emptyParagraph))).toBe("ok");
      const addOwnInline = (content: Report) => {
        const next = structuredClone(content);
        const paragraph = next.sections[0]!.items[1]!.body.content[0]!;
        paragraph.content = [
          ...(paragraph.content ?? []),
          { type: "text", text: "再补一句。", marks: [{ type: "suggestInsert", attrs: attrsOf(approver, "s-approver-2") }] },
        ];
        return next;
      };
      await save(db, approver, reportId, addOwnInline);
      expect(listSuggestions((await getReport({ db, user: approver, reportId })).content).map((s) => s.text)).toEqual([
        "集中",
        "六次",
        "八次",
        "补充一句。",
        "再补一句。",
      ]);
      // Sign-off waits until every suggestion is decided; the approver may decide them.
      const signoff = () => transitionReport({ db, user: approver, reportId, input: { transition: "signoff" }, now: new Date("2025-03-10T02:00:00Z") });
      await expect(signoff()).rejects.toMatchObject({ code: "INVALID_STATE", userMessage: "还有 5 处修订未接受或拒绝，处理后才能签发" });
      await resolveReportSuggestions({ db, user: approver, input: { reportId, decision: "accept", ids: "all" } });
      expect(listSuggestions((await getReport({ db, user: approver, reportId })).content)).toEqual([]);
      await signoff();
      expect((await getReport({ db, user: approver, reportId })).status).toBe("signed");
    });
  });

  it("nobody changes a signed report, and another agency's report is not found", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, approver, stranger, reportId } = await seedTeam(db);
      await submitReport({ db, user: drafter, reportId });
      await save(db, reviewer, reportId, (content) => withThreeSuggestions(content, reviewer));
      expect(await codeOf(resolveReportSuggestions({ db, user: stranger, input: { reportId, decision: "accept", ids: "all" } }))).toBe("NOT_FOUND");
      expect(await codeOf(save(db, stranger, reportId, (content) => content))).toBe("NOT_FOUND");
      await db.update(tables.reports).set({ status: "signed" }).where(eq(tables.reports.id, reportId));
      for (const user of [drafter, reviewer, approver]) {
        expect(await codeOf(save(db, user, reportId, (content) => content))).toBe("INVALID_STATE");
        expect(await codeOf(resolveReportSuggestions({ db, user, input: { reportId, decision: "reject", ids: "all" } }))).toBe("INVALID_STATE");
      }
      expect(listSuggestions((await getReport({ db, user: drafter, reportId })).content)).toHaveLength(3);
    });
  });
});
