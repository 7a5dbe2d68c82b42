/**
 * The review DOCX through LibreOffice and back: its suggestions must survive LibreOffice's docx→docx save as
 * w:ins/w:del with their author (checked in document.xml), and both that file and a leader's DOCX saved by
 * LibreOffice must import back as the same suggestions and comments. Needs soffice (installed by .ci/run);
 * under CI=true its absence fails.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { importReport } from "@/lib/import";
import { applyTrackedChanges, readTrackedDocx } from "@/lib/import/tracked";
import { acceptedView, docToText, listSuggestions, rejectedView, type FieldSuggestion, type Suggestion } from "@/lib/report-model";

import { buildCompleteReport } from "../fixtures/complete-report";
import { buildLeaderDocx, LEADER } from "../fixtures/tracked-leader-docx";
import { buildReportUnderReview, buildReportWithFieldSuggestions, openThreads } from "../fixtures/tracked-report";
import { buildFramedDocx, buildWpsLeaderDocx, buildWpsReport, FRAMED_OPENING, FRAMED_TITLE, MOVED, REPLY } from "../fixtures/tracked-wps-docx";
import { findCommand } from "../unit/export/docx/helpers/libreoffice";
import { unzipDocx } from "../unit/export/docx/helpers/docx-xml";

const run = promisify(execFile);
const soffice = await findCommand("soffice", "libreoffice");
if (!soffice && process.env.CI === "true") throw new Error("CI 环境缺少 LibreOffice：请检查 .ci/run 的安装步骤");

/** Opens each DOCX in LibreOffice and saves it as DOCX again, with a private profile. */
async function resaveWithLibreOffice(directory: string, files: Record<string, Uint8Array>): Promise<Record<string, Uint8Array>> {
  const input = path.join(directory, "in");
  const output = path.join(directory, "out");
  await mkdir(input, { recursive: true });
  const paths = await Promise.all(
    Object.entries(files).map(async ([name, bytes]) => {
      const file = path.join(input, `${name}.docx`);
      await writeFile(file, bytes);
      return file;
    }),
  );
  await run(
    soffice!,
    [`-env:UserInstallation=file://${path.join(directory, "lo-profile")}`, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", output, ...paths],
    {
      timeout: 300_000,
    },
  );
  const saved: Record<string, Uint8Array> = {};
  for (const name of Object.keys(files)) saved[name] = new Uint8Array(await readFile(path.join(output, `${name}.docx`)));
  return saved;
}

const shape = (suggestions: Suggestion[]) => suggestions.map(({ kind, text, authorName, at, location }) => ({ kind, text, authorName, at, location }));
const options = () => {
  let counter = 0;
  return { now: "2026-11-29T00:00:00.000Z", newId: () => `lo${++counter}` };
};

describe.skipIf(!soffice)("[TRACKED] DOCX tracked changes through LibreOffice", () => {
  let directory: string;
  let saved: Record<string, Uint8Array>;
  const report = buildReportUnderReview();
  const plain = buildCompleteReport();
  const withFields = buildReportWithFieldSuggestions();
  // A lead suggestion that adds a line: an inserted line break and text in the line before.
  const wps = buildWpsReport();
  const addedLine = buildReportWithFieldSuggestions();
  const ADDED_LEAD = "对照年初计划，我局逐项查找工作中的不足。\n现将主要问题报告如下。\n整改情况另行报告。";
  addedLine.fieldSuggestions = addedLine
    .fieldSuggestions!.filter((suggestion) => suggestion.target.field === "sectionLead")
    .map((suggestion) => ({ ...suggestion, to: ADDED_LEAD }));

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "nianbao-tracked-"));
    saved = await resaveWithLibreOffice(directory, {
      review: await exportReportDocx(report, { isDraft: true, comments: openThreads(report) }),
      leader: await buildLeaderDocx(plain),
      fields: await exportReportDocx(withFields, { isDraft: true }),
      addedLine: await exportReportDocx(addedLine, { isDraft: true }),
      wpsTable: await buildWpsLeaderDocx(wps, { frame: "table" }),
      wpsTextBox: await buildWpsLeaderDocx(wps, { frame: "textBox" }),
      framedLine: await buildFramedDocx("line"),
      framedTable: await buildFramedDocx("table"),
      framedTextBox: await buildFramedDocx("textBox"),
    });
  }, 300_000);

  afterAll(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it("keeps the exported suggestions as w:ins / w:del with author and date, and the comments", () => {
    const parts = unzipDocx(saved.review!);
    expect(parts["docProps/app.xml"]).toContain("LibreOffice");
    const document = parts["word/document.xml"]!;
    const insertions = [...document.matchAll(/<w:ins\b([^>]*)>(.*?)<\/w:ins>/gs)];
    const deletions = [...document.matchAll(/<w:del\b([^>]*)>(.*?)<\/w:del>/gs)];
    const textOf = (xml: string, element: string) =>
      [...xml.matchAll(new RegExp(`<${element}[^>]*>([^<]*)</${element}>`, "g"))].map((match) => match[1]).join("");
    expect(insertions.map((match) => textOf(match[2]!, "w:t"))).toEqual(["八次"]);
    expect(deletions.map((match) => textOf(match[2]!, "w:delText"))).toEqual(["六次", "平均"]);
    for (const match of [...insertions, ...deletions]) {
      expect(match[1]).toContain('w:author="李审核"');
      expect(match[1]).toMatch(/w:date="2026-11-20T02:30:00/);
    }
    expect(parts["word/comments.xml"]).toContain("请补充一窗受理的办件数量。");
    expect(document).toMatch(/<w:commentRangeStart[^>]*\/>/);
  });

  it("imports LibreOffice's save of the review DOCX back as the same suggestions and comments", () => {
    const back = applyTrackedChanges(rejectedView(report), readTrackedDocx(saved.review!), options());
    expect(shape(listSuggestions(back.report))).toEqual(shape(listSuggestions(report)));
    expect(back.comments.map((comment) => [comment.anchor.field, comment.author, comment.text.split("\n")[0]])).toEqual([
      ["body", "李审核", "请补充一窗受理的办件数量。"],
      ["body", "王局长", "（针对条目标题）这一条标题再精炼一些。"],
    ]);
    expect(back.comments[0]!.anchor.quote).toBe("一窗受理");
    expect(back.log).toEqual([]);
  });

  it("keeps the field suggestions of headings, lead, title, 主送, 落款, 抄送 and closing as w:del / w:ins, and imports them back", () => {
    const document = unzipDocx(saved.fields!)["word/document.xml"]!;
    const texts = (element: string) =>
      [...document.matchAll(new RegExp(`<w:${element}\\b[^>]*w:author="王局长"[^>]*>(.*?)</w:${element}>`, "gs"))].map((match) =>
        [...match[1]!.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((part) => part[1]).join(""),
      );
    expect(texts("ins")).toEqual(["工作", "办公室", "进一步", "法定", "认真", "和原因", "，请审阅", "利", "、市财政局"]);
    expect(texts("del")).toEqual(["主要", "持续", "逐项", "务"]);
    const shapeOf = (list: readonly FieldSuggestion[] | undefined) =>
      (list ?? []).map(({ target, from, to, authorName, at }) => ({ target, from, to, authorName, at })).sort((a, b) => a.to.localeCompare(b.to));
    // Read into the report without its suggestions: the same field suggestions come back.
    const fresh = applyTrackedChanges(rejectedView(withFields), readTrackedDocx(saved.fields!), options());
    expect(fresh.log).toEqual([]);
    expect(shapeOf(fresh.report.fieldSuggestions)).toEqual(shapeOf(withFields.fieldSuggestions));
    expect(acceptedView(fresh.report)).toEqual(acceptedView(withFields));
    // Read into the report that has them: its own suggestions, nothing new.
    const same = applyTrackedChanges(withFields, readTrackedDocx(saved.fields!), options());
    expect(same).toMatchObject({ fieldChanges: 0, insertions: 0, deletions: 0, log: [] });
    expect(same.report).toEqual(withFields);
  });

  it("keeps a lead suggestion's added line through LibreOffice and imports it back as the same suggestion", () => {
    const fresh = applyTrackedChanges(rejectedView(addedLine), readTrackedDocx(saved.addedLine!), options());
    expect(fresh.log).toEqual([]);
    expect(fresh.report.fieldSuggestions?.map((suggestion) => [suggestion.target.field, suggestion.to])).toEqual([["sectionLead", ADDED_LEAD]]);
    expect(applyTrackedChanges(addedLine, readTrackedDocx(saved.addedLine!), options())).toMatchObject({ fieldChanges: 0, log: [] });
  });

  it("imports a leader's DOCX saved by LibreOffice as the same suggestions as the original file", async () => {
    const direct = applyTrackedChanges(plain, readTrackedDocx(await buildLeaderDocx(plain)), options());
    const viaLibreOffice = applyTrackedChanges(plain, readTrackedDocx(saved.leader!), options());
    expect(shape(listSuggestions(viaLibreOffice.report))).toEqual(shape(listSuggestions(direct.report)));
    expect(listSuggestions(viaLibreOffice.report).every((suggestion) => suggestion.authorName === LEADER)).toBe(true);
    expect(viaLibreOffice.comments.map((comment) => [comment.anchor.quote, comment.text])).toEqual([["一窗受理", "办件数量要核实。"]]);
    const measures = viaLibreOffice.report.sections[0]!;
    expect(docToText(measures.items[0]!.body)).toContain("六次八次");
    expect(viaLibreOffice.log).toHaveLength(2);
    expect(viaLibreOffice.report.fieldSuggestions).toEqual(direct.report.fieldSuggestions);
    expect(viaLibreOffice.report.fieldSuggestions?.map((suggestion) => suggestion.to)).toEqual(["依法全面履行部门职能，优化法治化营商环境"]);
  });

  it("imports a WPS-shaped leader's file saved by LibreOffice like the original: 文号 in a cell or text box, a move, format changes, nested changes, a comment over two paragraphs", async () => {
    for (const frame of ["table", "textBox"] as const) {
      const resaved = saved[frame === "table" ? "wpsTable" : "wpsTextBox"]!;
      const document = unzipDocx(resaved)["word/document.xml"]!;
      // LibreOffice keeps the move as a move, the formatting changes and the deletion inside the insertion.
      expect(document).toMatch(/<w:moveFrom\b[^>]*w:author="王局长"/);
      expect(document).toMatch(/<w:moveTo\b[^>]*w:author="王局长"/);
      expect(document).toContain("<w:rPrChange");
      expect(document).toContain("<w:pPrChange");
      expect(document).toMatch(/<w:ins\b[^>]*w:author="李审核"[^>]*><w:del\b/);
      if (frame === "textBox") expect(document).toContain("<w:txbxContent>");
      const direct = applyTrackedChanges(wps, readTrackedDocx(await buildWpsLeaderDocx(wps, { frame })), options());
      const viaLibreOffice = applyTrackedChanges(wps, readTrackedDocx(resaved), options());
      expect(shape(listSuggestions(viaLibreOffice.report)), frame).toEqual(shape(listSuggestions(direct.report)));
      expect(listSuggestions(viaLibreOffice.report).map((suggestion) => [suggestion.kind, suggestion.text])).toEqual([
        ["delete", MOVED],
        ["insert", MOVED],
        ["split", expect.any(String)],
        ["replace", "青水发〔2026〕6号"],
      ]);
      expect(viaLibreOffice.log, frame).toEqual(direct.log);
      expect(viaLibreOffice.log).toHaveLength(6);
      // The reviewer's Word reply is a reply of the comment in the original; LibreOffice 7.4 saves no
      // commentsExtended.xml, so in its copy the reply is a comment of its own on the same text: nothing is lost.
      expect(direct.comments.map((comment) => comment.replies?.map((reply) => [reply.author, reply.text]))).toEqual([[["李审核", REPLY]]]);
      expect(viaLibreOffice.comments.map((comment) => [comment.author, comment.text, comment.anchor])).toEqual([
        [direct.comments[0]!.author, direct.comments[0]!.text, direct.comments[0]!.anchor],
        ["李审核", REPLY, direct.comments[0]!.anchor],
      ]);
    }
  });

  it("reads the 版头 文号 and 签发人 of a report saved by LibreOffice from a line, a table's cells and a text box", async () => {
    const expected = {
      framedLine: { docNumber: "青水发〔2026〕5号", frame: { signer: "王五" } },
      framedTable: { docNumber: "青水发〔2026〕5号", frame: { signer: "王五" } },
      framedTextBox: { docNumber: "青水发（2026）5号", frame: undefined },
    };
    for (const [name, { docNumber, frame }] of Object.entries(expected)) {
      const { report } = await importReport({ bytes: saved[name]!, fileName: `${name}.docx` });
      expect(unzipDocx(saved[name]!)["docProps/app.xml"]).toContain("LibreOffice");
      expect({ title: report.meta.title, docNumber: report.meta.docNumber, frame: report.frame, opening: docToText(report.opening) }, name).toEqual({
        title: FRAMED_TITLE,
        docNumber,
        frame,
        opening: FRAMED_OPENING,
      });
    }
  });
});
