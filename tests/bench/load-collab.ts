/**
 * The co-editing phase of `npm run bench:load`: PEOPLE colleagues of one agency co-edit one report live through the
 * running app server's own Hocuspocus endpoint (lib/server/server.mjs, /api/collab), each signed in through the
 * login endpoint and connected with that session's cookie, as a browser window is. Several are in the same item,
 * the others in other items of the report; each types one character about every KEYSTROKE_MS into their own
 * paragraph. Measured in this process: keystroke → the change applied in every other window's document (all
 * windows of a report hold its one live document), which includes the server's durable append before it relays.
 * At the end every window must show every character, and the stored report (read through the app, and again from
 * the database after the server stopped) must hold every character typed, in order; so must a DOCX exported the
 * moment the last keystroke was acknowledged.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

import { eq } from "drizzle-orm";
import mammoth from "mammoth";
import * as Y from "yjs";

import type { SessionUser } from "@/lib/auth/session-user";
import { bodyFieldName } from "@/lib/collab/yjs/fields";
import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { createReportFromTemplate, docToText, reportSchema, textToDoc, type Report } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { getTemplate } from "@/templates";

import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { connectCollabClient, type CollabClient } from "../helpers/collab-client";
import { signInApi, type ApiSession } from "../reliability/helpers/api-session";
import { percentile } from "../reliability/helpers/load-editors";

/** One person of the co-editing phase: where they type. */
export interface CoEditor {
  user: SessionUser;
  itemId: string;
  /** The start of their own paragraph in the item (what they type goes after it). */
  marker: string;
}

export interface CoEditingSeed {
  reportId: string;
  owner: SessionUser;
  people: CoEditor[];
  /** People per item, the shared item first. */
  groups: number[];
}

/**
 * How many people sit in each item: `sameItem` in the first item, the rest two by two in the following items
 * (the last one alone when the count is odd).
 */
export function groupSizes(people: number, sameItem: number): number[] {
  const first = Math.min(people, Math.max(1, sameItem));
  const sizes = [first];
  for (let left = people - first; left > 0; left -= 2) sizes.push(Math.min(2, left));
  return sizes;
}

/**
 * A drafter's report in a new agency, `people` drafters of that agency (the owner first), and one paragraph per
 * person in the item they co-edit. Called before the server opens the database.
 */
export async function seedCoEditing(db: Database, options: { people: number; sameItem: number }): Promise<CoEditingSeed> {
  const owner = await seedUser(db, { roles: ["drafter"] });
  const users = [owner];
  while (users.length < options.people) users.push(await seedUser(db, { roles: ["drafter"], agencyId: owner.agencyId }));
  const content: Report = createReportFromTemplate(getTemplate("department"), { agency: owner.agencyName, year: 2025 });
  const items = content.sections.flatMap((section) => section.items);
  const sizes = groupSizes(options.people, options.sameItem);
  if (sizes.length > items.length) throw new Error(`${options.people} people need ${sizes.length} items, the report has ${items.length}`);
  const people: CoEditor[] = [];
  sizes.forEach((size, group) => {
    const item = items[group]!;
    const markers: string[] = [];
    for (let index = 0; index < size; index++) {
      const marker = `第${people.length + 1}位同事在此条目写：`;
      people.push({ user: users[people.length]!, itemId: item.id, marker });
      markers.push(marker);
    }
    item.body = textToDoc(markers.join("\n"));
  });
  const { reportId } = await insertReport({ db, user: owner, content, source: "test" });
  return { reportId, owner, people, groups: sizes };
}

/** The next character person `index` types (CJK ideographs, distinct runs per person). */
function characterOf(index: number, count: number): string {
  return String.fromCodePoint(0x4e00 + ((index * 131 + count * 7) % 20_000));
}

/** The text of the person's paragraph in a window's live document (null when the paragraph is not there). */
function liveParagraphText(doc: Y.Doc, person: CoEditor): Y.XmlText | null {
  for (const child of doc.getXmlFragment(bodyFieldName(person.itemId)).toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const text = child.get(0);
    if (text instanceof Y.XmlText && text.toString().startsWith(person.marker)) return text;
  }
  return null;
}

/** Characters of `typed` missing from the stored paragraph that starts with the person's marker. */
export function missingCharacters(report: Report, person: CoEditor, typed: string): number {
  const item = report.sections.flatMap((section) => section.items).find((candidate) => candidate.id === person.itemId);
  return missingFromLines(docToText(item?.body).split("\n"), person, typed);
}

/** Characters of `typed` missing from the line that starts with the person's marker. */
function missingFromLines(lines: readonly string[], person: CoEditor, typed: string): number {
  const line = lines.find((candidate) => candidate.startsWith(person.marker));
  if (line === undefined) return [...typed].length;
  const stored = line.slice(person.marker.length);
  if (stored === typed) return 0;
  // Count in order: each typed character found after the previous one.
  let found = 0;
  let at = 0;
  for (const character of typed) {
    const next = stored.indexOf(character, at);
    if (next < 0) continue;
    found++;
    at = next + character.length;
  }
  return [...typed].length - found;
}

export interface CoEditingResult {
  people: number;
  groups: number[];
  seconds: number;
  keystrokes: number;
  /** Keystroke → applied in another window, every delivery. */
  latencies: number[];
  /** …only between people in the same item. */
  sameItemLatencies: number[];
  /** Windows that did not show every character of everyone within the wait after typing stopped. */
  windowsBehind: number;
  /** Characters missing from the report read through the app right after typing stopped. */
  missingRead: number;
  /** Characters missing from a DOCX export of the report made right after the last acknowledgement. */
  missingExport: number;
  /** p99 delay of this (client) process's event loop while typing, ms: how much of a latency the bench itself adds. */
  clientLoopDelayP99: number;
  /** Connections that dropped and reconnected during the phase. */
  reconnects: number;
  /** What each person typed, for the check against the database after the server stopped. */
  typed: string[];
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Signs everyone in, connects their windows, lets them type for `seconds`, then checks windows and the stored report. */
export async function runCoEditing(options: {
  baseUrl: string;
  seed: CoEditingSeed;
  seconds: number;
  keystrokeMs: number;
  /** Other load, started when typing starts and awaited with it (autosaving editors, exports). */
  alongside?: () => Promise<void>;
}): Promise<CoEditingResult> {
  const { baseUrl, seed } = options;
  const url = `${baseUrl.replace(/^http/, "ws")}/api/collab`;
  const sessions: ApiSession[] = [];
  for (const person of seed.people) sessions.push(await signInApi(baseUrl, person.user.username, SEED_PASSWORD));
  const clients: CollabClient[] = [];
  for (const session of sessions) {
    clients.push(await connectCollabClient({ url, reportId: seed.reportId, headers: { Cookie: session.jar.header(), Origin: baseUrl }, timeoutMs: 60_000 }));
  }
  const itemOfClient = new Map(clients.map((client, index) => [client.doc.clientID, seed.people[index]!.itemId]));
  let reconnects = 0;
  for (const client of clients) client.provider.on("disconnect", () => reconnects++);

  /** Keystroke times by `${clientID}:${clock}` of the one-character insert. */
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const sameItemLatencies: number[] = [];
  for (const client of clients) {
    const ownItem = itemOfClient.get(client.doc.clientID);
    client.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== client.provider) return;
      const received = performance.now();
      // Keystrokes relayed together arrive as one struct of several characters.
      for (const struct of Y.decodeUpdate(update).structs) {
        for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++) {
          const started = sentAt.get(`${struct.id.client}:${clock}`);
          if (started === undefined) continue;
          latencies.push(received - started);
          if (itemOfClient.get(struct.id.client) === ownItem) sameItemLatencies.push(received - started);
        }
      }
    });
  }

  const typed = seed.people.map(() => "");
  const deadline = performance.now() + options.seconds * 1000;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const alongside = options.alongside?.();
  await Promise.all(
    clients.map(async (client, index) => {
      const person = seed.people[index]!;
      const text = liveParagraphText(client.doc, person);
      if (!text) throw new Error(`paragraph ${person.marker} not in the live document`);
      for (let count = 0; ; count++) {
        await new Promise((resolve) => setTimeout(resolve, options.keystrokeMs * (0.5 + Math.random())));
        if (performance.now() >= deadline) break;
        const character = characterOf(index, count);
        sentAt.set(`${client.doc.clientID}:${Y.getState(client.doc.store, client.doc.clientID)}`, performance.now());
        text.insert(text.length, character);
        typed[index] += character;
      }
    }),
  );
  loopDelay.disable();
  await alongside;
  const keystrokes = typed.reduce((sum, text) => sum + [...text].length, 0);

  // Every change acknowledged (stored) by the server, then every window showing everyone's text.
  await waitUntil(() => clients.every((client) => !client.provider.hasUnsyncedChanges), 60_000);
  const shows = (client: CollabClient) =>
    seed.people.every((person, index) => liveParagraphText(client.doc, person)?.toString() === person.marker + typed[index]);
  await waitUntil(() => clients.every(shows), 30_000);
  const windowsBehind = clients.filter((client) => !shows(client)).length;

  // A DOCX export right after the last acknowledgement, as someone who clicks 导出 when the typing stops gets it.
  const owner = sessions[0]!;
  const exported = await owner.request(`/api/reports/${seed.reportId}/export?format=docx`);
  const exportedLines = exported.ok ? (await mammoth.extractRawText({ buffer: Buffer.from(await exported.arrayBuffer()) })).value.split("\n") : [];
  const missingExport = seed.people.reduce((sum, person, index) => sum + missingFromLines(exportedLines, person, typed[index]!), 0);

  // The report as the app gives it to a reader (the route writes live bodies back first).
  const response = await owner.request(`/api/reports/${seed.reportId}/content`);
  const report = reportSchema.parse(((await response.json()) as { data: { content: unknown } }).data.content);
  const missingRead = seed.people.reduce((sum, person, index) => sum + missingCharacters(report, person, typed[index]!), 0);

  const result: CoEditingResult = {
    people: seed.people.length,
    groups: seed.groups,
    seconds: options.seconds,
    keystrokes,
    latencies,
    sameItemLatencies,
    windowsBehind,
    missingRead,
    missingExport,
    reconnects,
    clientLoopDelayP99: loopDelay.percentile(99) / 1e6,
    typed,
  };
  for (const client of clients) client.destroy();
  return result;
}

/** Characters missing from the report row in the database (run after the server stopped). */
export async function missingInDatabase(db: Database, seed: CoEditingSeed, typed: string[]): Promise<number> {
  const [row] = await db.select().from(tables.reports).where(eq(tables.reports.id, seed.reportId));
  if (!row) return typed.reduce((sum, text) => sum + text.length, 0);
  const report = reportSchema.parse(row.content);
  return seed.people.reduce((sum, person, index) => sum + missingCharacters(report, person, typed[index]!), 0);
}

export function describeCoEditing(result: CoEditingResult): string[] {
  const ms = (values: number[], fraction: number) => `${percentile(values, fraction).toFixed(1)} ms`;
  const deliveries = result.latencies.length;
  return [
    `  协同编辑：${result.people} 人同编一份报告（同一条目 ${result.groups[0]} 人，其余 ${result.groups.length - 1} 个条目各 ${result.groups
      .slice(1)
      .join("/")} 人），${result.seconds} 秒，每人约每 200 ms 输入一字`,
    `  按键 → 其他窗口：p50 ${ms(result.latencies, 0.5)}，p99 ${ms(result.latencies, 0.99)}，最长 ${Math.max(0, ...result.latencies).toFixed(1)} ms（${deliveries} 次送达）；同一条目内 p50 ${ms(result.sameItemLatencies, 0.5)}，p99 ${ms(result.sameItemLatencies, 0.99)}`,
    `  更新：${(result.keystrokes / result.seconds).toFixed(1)} 次按键更新/秒进入服务器，${(deliveries / result.seconds).toFixed(0)} 次/秒送达其他窗口；断线重连 ${result.reconnects} 次；本测量进程（全部窗口与保存客户端）事件循环延迟 p99 ${result.clientLoopDelayP99.toFixed(0)} ms`,
    `  核对：${result.windowsBehind === 0 ? "每个窗口都显示了所有人输入的每个字" : `${result.windowsBehind} 个窗口未显示全部文字`}；经应用读取的报告${result.missingRead === 0 ? `含全部 ${result.keystrokes} 个字` : `缺 ${result.missingRead} 个字（共 ${result.keystrokes}）`}`,
    `  核对：停止输入、最后一次确认后立即导出的 DOCX ${result.missingExport === 0 ? "含全部文字" : `缺 ${result.missingExport} 个字（导出读取的是尚未写回的报告 JSON）`}`,
  ];
}
