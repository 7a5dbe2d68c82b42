import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import { bodyFieldName } from "@/lib/collab/yjs/fields";
import { readFragmentBody, writeFragmentBody } from "@/lib/collab/yjs/yjs-bodies";
import type { Database } from "@/lib/db";
import { docToText, textToDoc } from "@/lib/report-model";
import { exportReport, getReport, insertReport } from "@/lib/reports";
import { transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import type { CollabClient } from "../helpers/collab-client";
import { createCollabTestHarness } from "../helpers/collab-server";
import { createTestDb, isTestDbAvailable, testDbKind, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";
import { paragraphsOf, unzipDocx } from "../unit/export/docx/helpers/docx-xml";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

/**
 * What colleagues typed live and the server acknowledged must be in what leaves the report right after: an export
 * and a workflow step (提交审核) read it, although the server has not written the live document back yet.
 */
describe.skipIf(!isAvailable)(`[COLLAB] exports and workflow steps take in acknowledged live text, on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  let db: Database;
  const harness = createCollabTestHarness(() => db);

  beforeAll(async () => {
    handle = await createTestDb();
    db = handle.db;
  });
  afterAll(async () => handle?.destroy());
  afterEach(() => harness.cleanup());

  /** A co-editing server that writes the live document back only when asked (no debounce or poll in the test's time). */
  const startServer = async () => (await harness.start({ timing: "manual", hooks: true })).url;

  async function seed() {
    const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
    const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
    const colleague = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
    harness.addUsers(drafter, colleague);
    const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name }), source: "test" });
    const report = await getReport({ db, user: drafter, reportId });
    const itemId = report.content.sections[0]!.items[0]!.id;
    return { drafter, colleague, reportId, itemId };
  }

  /** The colleague appends a sentence to the item live and waits until the server holds it. */
  async function typeLive(url: string, user: SessionUser, reportId: string, itemId: string, sentence: string): Promise<CollabClient> {
    const client = await harness.connect(url, user, reportId);
    const field = bodyFieldName(itemId);
    const body = readFragmentBody(client.doc.getXmlFragment(field));
    writeFragmentBody(client.doc, field, { ...body, content: [...(body.content ?? []), ...textToDoc(sentence).content!] });
    await client.acknowledged();
    return client;
  }

  const storedBody = async (user: SessionUser, reportId: string, itemId: string) =>
    docToText((await getReport({ db, user, reportId })).content.sections.flatMap((section) => section.items).find((item) => item.id === itemId)!.body);

  it("a DOCX exported right after the last acknowledged keystroke holds it", async () => {
    const url = await startServer();
    const { drafter, colleague, reportId, itemId } = await seed();
    const sentence = "同事刚刚在线输入的一句话，导出时必须在。";
    await typeLive(url, colleague, reportId, itemId, sentence);
    // Not written back yet: the stored JSON lacks it, so only a flush before the export can put it in the file.
    expect(await storedBody(drafter, reportId, itemId)).not.toContain(sentence);
    const docx = await exportReport({ db, user: drafter, reportId, format: "docx" });
    const text = paragraphsOf(unzipDocx(docx.bytes)["word/document.xml"]!)
      .map((paragraph) => paragraph.text)
      .join("\n");
    expect(text).toContain(sentence);
  });

  it("提交审核 right after the last acknowledged keystroke submits the report with it", async () => {
    const url = await startServer();
    const { drafter, colleague, reportId, itemId } = await seed();
    const sentence = "提交前最后一刻在线写入的内容。";
    const client = await typeLive(url, colleague, reportId, itemId, sentence);
    expect(await storedBody(drafter, reportId, itemId)).not.toContain(sentence);
    // The co-editing server learns of the step at once (its poll is 10 minutes away here) and tells the windows.
    const statuses: string[] = [];
    client.provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = JSON.parse(payload) as { type?: string; status?: string };
      if (message.type === "status" && message.status) statuses.push(message.status);
    });
    await transitionReport({ db, user: drafter, reportId, input: { transition: "submit" } });
    await expect.poll(() => statuses, { timeout: 3_000 }).toEqual(["in_review"]);
    const submitted = await getReport({ db, user: drafter, reportId });
    expect(submitted.status).toBe("in_review");
    expect(await storedBody(drafter, reportId, itemId)).toContain(sentence);
  });
});
