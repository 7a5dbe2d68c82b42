import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { bodyFieldName } from "@/lib/collab/yjs/fields";
import { readFragmentBody, writeFragmentBody } from "@/lib/collab/yjs/yjs-bodies";
import { docToText, textToDoc, type Report } from "@/lib/report-model";

import { connectCollabClient, type CollabClient } from "../helpers/collab-client";
import { SEED_PASSWORD } from "../fixtures/factories";

import { signInApi, type ApiSession } from "./helpers/api-session";
import { hasPostgres } from "./helpers/postgres-url";
import { startReliabilityApp, type DbKind, type ReliabilityApp } from "./helpers/reliability-app";

/** Appends a paragraph to the body, as typing at its end would. */
function typeParagraph(client: CollabClient, field: string, text: string): void {
  const body = readFragmentBody(client.doc.getXmlFragment(field));
  writeFragmentBody(client.doc, field, { ...body, content: [...(body.content ?? []), ...textToDoc(text).content!] });
}

const kinds: DbKind[] = hasPostgres("[RELIABILITY] co-editing kill -9") ? ["pglite", "postgres"] : ["pglite"];

describe.each(kinds)("[RELIABILITY] kill -9 while two windows co-edit one item live (%s)", (kind) => {
  let subject: ReliabilityApp;

  beforeAll(async () => {
    subject = await startReliabilityApp({ kind, editorCount: 1 });
  });
  afterAll(async () => subject?.dispose());

  it("loses no change the server acknowledged: after the restart the report JSON holds every one", async () => {
    const editor = subject.editors[0]!;
    const itemId = editor.content.sections[0]!.items[0]!.id;
    const field = bodyFieldName(itemId);
    const url = `${subject.app.baseUrl.replace("http", "ws")}/api/collab`;
    const sessions: ApiSession[] = [
      await signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD),
      await signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD),
    ];
    const clients = await Promise.all(
      sessions.map((session) => connectCollabClient({ url, reportId: editor.reportId, headers: { Cookie: session.jar.header() } })),
    );
    const acknowledged: string[] = [];
    try {
      // Both windows type into the same item, sentence by sentence; each sentence counts once the server acknowledged it.
      for (let round = 0; round < 12; round++) {
        const sentences = clients.map((_client, index) => `第${round + 1}轮窗口${index + 1}写入的句子。`);
        clients.forEach((client, index) => typeParagraph(client, field, sentences[index]!));
        await Promise.all(clients.map((client) => client.acknowledged()));
        acknowledged.push(...sentences);
      }
      // More typing still in flight when the server dies.
      clients.forEach((client, index) => typeParagraph(client, field, `未确认的尾句${index + 1}。`));
      await subject.app.stop({ isHard: true });
    } finally {
      for (const client of clients) client.destroy();
    }

    await subject.app.restart();
    const session = await signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD);
    const response = await session.request(`/api/reports/${editor.reportId}/content`);
    const report = ((await response.json()) as { data: { content: Report } }).data.content;
    const text = docToText(report.sections[0]!.items[0]!.body);
    const missing = acknowledged.filter((sentence) => !text.includes(sentence));
    expect(missing, `stored text: ${text.slice(0, 400)}`).toEqual([]);
    expect(acknowledged.length).toBe(24);
  });
});
