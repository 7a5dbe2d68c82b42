/**
 * Live co-editing part of `npm run bench:collab`: PEOPLE Hocuspocus clients (as browsers run them) type into the
 * same item of one report through the app's co-editing server on loopback, PGlite on disk. Each person types
 * one character every ~200 ms (a brisk typist) into their own paragraph. Measured: keystroke → the change applied
 * in every other person's document (the "other screen"), which includes the server's durable append of the
 * update before it is relayed. Clients and server share this one process, so the figure is conservative.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import * as Y from "yjs";

import type { SessionUser } from "@/lib/auth/session-user";
import { createCollabServer } from "@/lib/collab/yjs/collab-server";
import { bodyFieldName } from "@/lib/collab/yjs/fields";
import { openDatabase } from "@/lib/db/client";
import { docToText, textToDoc } from "@/lib/report-model";
import { createReport, getReport, saveReportContent } from "@/lib/reports";

import { seedUser } from "../fixtures/factories";
import { connectCollabClient, TEST_USER_HEADER, testUserOf, type CollabClient } from "../helpers/collab-client";

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

export interface LiveBenchOptions {
  people: number;
  /** How long everyone types. */
  seconds: number;
  /** Mean pause between one person's keystrokes. */
  keystrokeMs: number;
}

export async function runLiveCoEditingBench({
  people,
  seconds,
  keystrokeMs,
}: LiveBenchOptions): Promise<{ p50: number; p99: number; samples: number; missing: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "nianbao-bench-live-"));
  const handle = await openDatabase({ dataDir });
  const db = handle.db;
  const owner = await seedUser(db, { roles: ["drafter"] });
  const users: SessionUser[] = [
    owner,
    ...(await Promise.all(Array.from({ length: people - 1 }, () => seedUser(db, { roles: ["drafter"], agencyId: owner.agencyId })))),
  ];
  const byId = new Map(users.map((user) => [user.id, user]));
  const { reportId } = await createReport({ db, user: owner, input: { year: 2025, templateId: "department" } });
  const row = await getReport({ db, user: owner, reportId });
  const content = structuredClone(row.content);
  const item = content.sections[0]!.items[0]!;
  // One paragraph per person in the same item.
  item.body = textToDoc(users.map((_, index) => `第${index + 1}人的段落：`).join("\n"));
  await saveReportContent({ db, user: owner, reportId, input: { baseRevision: row.revision, content } });

  const server = createCollabServer({ getDb: async () => db, authenticate: async (_db, request) => byId.get(testUserOf(request) ?? "") ?? null });
  const http = createServer((_request, response) => response.end());
  http.on("upgrade", (request, socket, head) => server.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/collab`;
  const clients: CollabClient[] = [];
  for (const user of users) clients.push(await connectCollabClient({ url, reportId, headers: { [TEST_USER_HEADER]: user.id } }));

  const field = bodyFieldName(item.id);
  /** Keystroke times by `${client}:${clock}` of the one-character insert. */
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  for (const client of clients) {
    client.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === null || origin === undefined || origin === client.doc.clientID) return;
      const received = performance.now();
      const { structs } = Y.decodeUpdate(update);
      // Keystrokes that arrive together come as one struct of several characters.
      for (const struct of structs) {
        for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++) {
          const started = sentAt.get(`${struct.id.client}:${clock}`);
          if (started !== undefined) latencies.push(received - started);
        }
      }
    });
  }

  const typed: string[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (client, index) => {
      const paragraph = client.doc.getXmlFragment(field).get(index) as Y.XmlElement;
      let count = 0;
      while (performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, keystrokeMs * (0.5 + Math.random())));
        const text = paragraph.get(0) as Y.XmlText;
        const character = String.fromCodePoint(0x4e00 + ((index * 97 + count) % 2000));
        const clock = Y.getState(client.doc.store, client.doc.clientID);
        sentAt.set(`${client.doc.clientID}:${clock}`, performance.now());
        text.insert(text.length, character);
        typed.push(`${index}:${character}`);
        count += 1;
      }
    }),
  );
  await Promise.all(clients.map((client) => client.acknowledged()));
  await new Promise((resolve) => setTimeout(resolve, 500));
  await server.flushReport(reportId);
  const stored = docToText((await getReport({ db, user: owner, reportId })).content.sections[0]!.items[0]!.body).split("\n");
  const counts = new Map<number, number>();
  for (const entry of typed) counts.set(Number(entry.split(":")[0]), (counts.get(Number(entry.split(":")[0])) ?? 0) + 1);
  let missing = 0;
  for (const [index, count] of counts) missing += Math.max(0, count - ((stored[index] ?? "").length - `第${index + 1}人的段落：`.length));

  for (const client of clients) client.destroy();
  await server.close();
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length, missing };
}
