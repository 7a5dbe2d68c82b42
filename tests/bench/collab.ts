/**
 * `npx tsx --conditions=react-server tests/bench/collab.ts`: 20 people in one report on an in-memory PGlite, each
 * writing in their own item and saving as the editor does (on a conflict: merge three-way, save again). Prints
 * the time from a save's start to its acknowledgement including merge rounds, the merge time alone, and checks
 * that every sentence anyone typed is stored. A benchmark, never a test. Flags: --people <n> (20), --rounds <n> (15),
 * --spread <ms> (2000: each person saves at a random moment within it, as debounced autosave does; 0 = all at once).
 */
import { performance } from "node:perf_hooks";

import { mergeReports } from "@/lib/collab";
import { openDatabase, type Database } from "@/lib/db/client";
import { docToText, textToDoc, type Report } from "@/lib/report-model";
import { ConflictError, createReport, getReport, saveReportContent } from "@/lib/reports";
import type { SessionUser } from "@/lib/auth/session-user";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedUser } from "../fixtures/factories";

import { runLiveCoEditingBench } from "./collab-live";

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}
const PEOPLE = flag("people", 20);
const ROUNDS = flag("rounds", 15);
const SPREAD_MS = flag("spread", 2000);
const LIVE_SECONDS = flag("live-seconds", 15);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

/** One editor window: its base, its copy, and the save loop autosave runs. */
async function saveLikeTheEditor(
  db: Database,
  user: SessionUser,
  reportId: string,
  window: { base: Report; revision: number; mine: Report },
  mergeTimes: number[],
) {
  for (;;) {
    try {
      const saved = await saveReportContent({ db, user, reportId, input: { baseRevision: window.revision, content: window.mine } });
      [window.base, window.revision] = [structuredClone(window.mine), saved.revision];
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const started = performance.now();
      const { report, unresolved } = mergeReports({ base: window.base, mine: window.mine, theirs: error.current.content });
      mergeTimes.push(performance.now() - started);
      if (unresolved.length > 0) throw new Error(`unexpected conflict: ${unresolved.map((conflict) => conflict.key).join(", ")}`);
      [window.mine, window.base, window.revision] = [report, error.current.content, error.current.revision];
    }
  }
}

async function main() {
  const handle = await openDatabase({ dataDir: "memory://" });
  const db = handle.db;
  const owner = await seedUser(db, { roles: ["drafter"] });
  const users = [owner, ...(await Promise.all(Array.from({ length: PEOPLE - 1 }, () => seedUser(db, { roles: ["drafter"], agencyId: owner.agencyId }))))];
  const { reportId } = await createReport({ db, user: owner, input: { year: 2025, templateId: "department" } });
  // One item per person in the first part, starting from a complete report's text.
  const start = buildCompleteReport();
  const measures = start.sections[0]!;
  measures.items = users.map((_, index) => ({
    ...measures.items[index % measures.items.length]!,
    id: `bench-item-${index}`,
    heading: `第${index + 1}人的条目`,
  }));
  await saveReportContent({
    db,
    user: owner,
    reportId,
    input: { baseRevision: 1, content: { ...start, meta: (await getReport({ db, user: owner, reportId })).content.meta } },
  });
  const row = await getReport({ db, user: owner, reportId });
  const windows = users.map(() => ({ base: row.content, revision: row.revision, mine: structuredClone(row.content) }));

  const saveTimes: number[] = [];
  const mergeTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    await Promise.all(
      users.map(async (user, index) => {
        const window = windows[index]!;
        const item = window.mine.sections[0]!.items[index]!;
        item.body = { ...item.body, content: [...(item.body.content ?? []), ...textToDoc(`第${round + 1}轮第${index + 1}人写的句子。`).content!] };
        await new Promise((resolve) => setTimeout(resolve, Math.random() * SPREAD_MS));
        const started = performance.now();
        await saveLikeTheEditor(db, user, reportId, window, mergeTimes);
        saveTimes.push(performance.now() - started);
      }),
    );
  }

  const stored = (await getReport({ db, user: owner, reportId })).content.sections[0]!.items.map((item) => docToText(item.body)).join("\n");
  let missing = 0;
  for (let round = 1; round <= ROUNDS; round += 1)
    for (let person = 1; person <= PEOPLE; person += 1) if (!stored.includes(`第${round}轮第${person}人写的句子。`)) missing += 1;
  const size = JSON.stringify(row.content).length;
  console.log(
    `[collab] ${PEOPLE} people × ${ROUNDS} rounds in one report (${Math.round(size / 1000)}k characters of JSON), saves spread over ${SPREAD_MS} ms per round, PGlite in memory`,
  );
  console.log(
    `[collab] save until acknowledged (merge rounds included): p50 ${percentile(saveTimes, 50).toFixed(1)} ms, p99 ${percentile(saveTimes, 99).toFixed(1)} ms, max ${Math.max(...saveTimes).toFixed(1)} ms`,
  );
  console.log(
    `[collab] three-way merge alone: ${mergeTimes.length} merges, p50 ${percentile(mergeTimes, 50).toFixed(2)} ms, p99 ${percentile(mergeTimes, 99).toFixed(2)} ms`,
  );
  console.log(`[collab] sentences missing from the stored report: ${missing} of ${PEOPLE * ROUNDS}`);
  await handle.close();
  if (missing > 0) process.exitCode = 1;

  // Live co-editing (Yjs): everyone in the same item, keystroke to the other screens.
  const live = await runLiveCoEditingBench({ people: PEOPLE, seconds: LIVE_SECONDS, keystrokeMs: 200 });
  console.log(
    `[collab] live co-editing, ${PEOPLE} people typing in the same item for ${LIVE_SECONDS} s (PGlite on disk, loopback): keystroke → other screens p50 ${live.p50.toFixed(1)} ms, p99 ${live.p99.toFixed(1)} ms (${live.samples} deliveries); characters missing from the stored report: ${live.missing}`,
  );
  if (live.missing > 0) process.exitCode = 1;
}

void main();
