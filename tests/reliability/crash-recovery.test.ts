import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import { reportSchema } from "@/lib/report-model";

import { SEED_PASSWORD } from "../fixtures/factories";

import { signInApi, type ApiSession } from "./helpers/api-session";
import { hasPostgres } from "./helpers/postgres-url";
import { startReliabilityApp, type DbKind, type ReliabilityApp } from "./helpers/reliability-app";
import { markerOf, newSaveLog, runSaveStream, type SaveLog } from "./helpers/save-stream";

const EDITORS = 4;
/** Saves each editor has acknowledged before the kill, so the kill falls in the middle of a stream however slow the machine. */
const SAVES_BEFORE_KILL = 3;

async function saveUntilKilled(subject: ReliabilityApp, sessions: ApiSession[], label: string): Promise<SaveLog[]> {
  let isStopping = false;
  const current = await Promise.all(
    subject.editors.map(async (editor, index) => {
      const response = await sessions[index]!.request(`/api/reports/${editor.reportId}/content`);
      return ((await response.json()) as { data: { revision: number } }).data.revision;
    }),
  );
  const logs = subject.editors.map(() => newSaveLog());
  const streams = subject.editors.map((editor, index) =>
    runSaveStream({
      log: logs[index],
      session: sessions[index]!,
      reportId: editor.reportId,
      base: editor.content,
      startRevision: current[index]!,
      label: `${label}编辑${index}`,
      shouldStop: () => isStopping,
    }),
  );
  // Let saves flow until every editor has a few acknowledged (a loaded machine is slower, not different), then kill
  // the server in the middle of them. A stream that stops early ends the wait; the assertions then say why.
  const waitUntil = Date.now() + 90_000;
  while (Date.now() < waitUntil && logs.some((log) => log.acknowledgedCount < SAVES_BEFORE_KILL && log.errors.length === 0)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  await subject.app.stop({ isHard: true });
  isStopping = true;
  return Promise.all(streams);
}

async function expectEveryAcknowledgedSave(subject: ReliabilityApp, logs: SaveLog[]): Promise<void> {
  const { db, close } = await subject.openDb();
  try {
    for (const [index, editor] of subject.editors.entries()) {
      const log = logs[index]!;
      const [row] = await db.select().from(tables.reports).where(eq(tables.reports.id, editor.reportId));
      const stored = { revision: row!.revision, marker: markerOf(reportSchema.parse(row!.content)) };
      // Either the last acknowledged save, or the one in flight when the server died (committed, unanswered).
      const candidates = [log.lastAcknowledged, log.inFlight].filter((entry) => entry !== null);
      expect(candidates, `editor ${index}: stored ${JSON.stringify(stored)}`).toContainEqual(stored);
      // The history's newest revision is the stored report itself: the crash lost no history either.
      const [latest] = await db
        .select({ revision: tables.reportRevisions.revision, content: tables.reportRevisions.content })
        .from(tables.reportRevisions)
        .where(eq(tables.reportRevisions.reportId, editor.reportId))
        .orderBy(desc(tables.reportRevisions.revision))
        .limit(1);
      expect({ revision: latest?.revision, marker: latest ? markerOf(reportSchema.parse(latest.content)) : undefined }, `editor ${index}: history`).toEqual(
        stored,
      );
    }
  } finally {
    await close();
  }
}

function describeCrash(kind: DbKind) {
  describe(`[CRASH] kill -9 during a stream of saves on ${kind}`, () => {
    let subject: ReliabilityApp;
    let sessions: ApiSession[];

    beforeAll(async () => {
      subject = await startReliabilityApp({ kind, editorCount: EDITORS });
      sessions = await Promise.all(subject.editors.map((editor) => signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD)));
    });
    afterAll(async () => {
      await subject?.dispose();
    });

    it("[CRASH]: after two hard kills the database opens cleanly and holds every acknowledged save", async () => {
      for (const round of [1, 2]) {
        const logs = await saveUntilKilled(subject, sessions, `第${round}轮`);
        const acknowledged = logs.reduce((sum, log) => sum + log.acknowledgedCount, 0);
        expect(acknowledged, "saves acknowledged before the kill").toBeGreaterThanOrEqual(EDITORS * SAVES_BEFORE_KILL);
        expect(
          logs.every((log) => log.errors.length === 1),
          `each stream ended by the kill: ${JSON.stringify(logs.map((log) => log.errors))}`,
        ).toBe(true);
        // PGlite has one owner: the test reads the files while the server is down, which also proves they open cleanly.
        await expectEveryAcknowledgedSave(subject, logs);
        await subject.app.restart();
      }
      // The restarted server serves and accepts the next save on the recovered revision (sessions survive: the secret is in DATA_DIR).
      for (const [index, editor] of subject.editors.entries()) {
        const response = await sessions[index]!.request(`/api/reports/${editor.reportId}/content`);
        expect(response.status).toBe(200);
        const { data } = (await response.json()) as { data: { revision: number } };
        const save = await sessions[index]!.request(`/api/reports/${editor.reportId}/content`, {
          method: "PUT",
          body: JSON.stringify({ baseRevision: data.revision, content: editor.content }),
        });
        expect(save.status).toBe(200);
      }
    });
  });
}

describeCrash("pglite");
if (hasPostgres("[CRASH] kill -9")) describeCrash("postgres");
