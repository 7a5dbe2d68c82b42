import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import { createCollabServer, type CollabServer } from "@/lib/collab/yjs/collab-server";
import { bodyFieldName } from "@/lib/collab/yjs/fields";
import { installLiveReportHooks } from "@/lib/collab/yjs/flush-live-report";
import { readFragmentBody, writeFragmentBody } from "@/lib/collab/yjs/yjs-bodies";
import type { Database } from "@/lib/db";
import { docToText, textToDoc } from "@/lib/report-model";
import { exportReport, getReport, insertReport } from "@/lib/reports";
import { transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { connectCollabClient, TEST_USER_HEADER, testUserOf, type CollabClient } from "../helpers/collab-client";
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
  const users = new Map<string, SessionUser>();
  let http: Server | undefined;
  let collab: CollabServer | undefined;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    handle = await createTestDb();
    db = handle.db;
  });
  afterAll(async () => {
    installLiveReportHooks(null);
    await handle?.destroy();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await collab?.close();
    http?.closeAllConnections();
    await new Promise((resolve) => http?.close(resolve) ?? resolve(undefined));
  });

  /** A co-editing server that writes the live document back only when asked (no debounce or poll in the test's time). */
  async function startServer(): Promise<string> {
    const server = createCollabServer({
      getDb: async () => db,
      authenticate: async (_db, request) => users.get(testUserOf(request) ?? "") ?? null,
      storeDebounceMs: 600_000,
      storeMaxDebounceMs: 600_000,
      pollMs: 600_000,
    });
    collab = server;
    installLiveReportHooks(server);
    http = createServer((_request, response) => response.end());
    http.on("upgrade", (request, socket, head) => server.handleUpgrade(request, socket, head));
    await new Promise<void>((resolve) => http!.listen(0, "127.0.0.1", resolve));
    return `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/collab`;
  }

  async function seed() {
    const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
    const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
    const colleague = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
    for (const user of [drafter, colleague]) users.set(user.id, user);
    const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name }), source: "test" });
    const report = await getReport({ db, user: drafter, reportId });
    const itemId = report.content.sections[0]!.items[0]!.id;
    return { drafter, colleague, reportId, itemId };
  }

  /** The colleague appends a sentence to the item live and waits until the server holds it. */
  async function typeLive(url: string, user: SessionUser, reportId: string, itemId: string, sentence: string): Promise<CollabClient> {
    const client = await connectCollabClient({ url, reportId, headers: { [TEST_USER_HEADER]: user.id } });
    clients.push(client);
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
