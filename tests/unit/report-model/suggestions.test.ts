import { describe, expect, it } from "vitest";

import {
  acceptAllSuggestions,
  acceptedTextOffsets,
  acceptedView,
  acceptSuggestion,
  docToText,
  hasSuggestions,
  listSuggestions,
  rejectAllSuggestions,
  rejectedView,
  rejectSuggestion,
  reportSchema,
  type Report,
  type RichMark,
  type RichNode,
  type SuggestionAttrs,
} from "@/lib/report-model";
import { assertBodyMatchesSchema } from "@/lib/report-model/extensions";
import { validateReport } from "@/lib/validation";

import { buildCompleteReport } from "../../fixtures/complete-report";

const REVIEWER = { authorId: "0b6e3f0c-5a43-4c1e-9a55-1d2f9a2d7c11", authorName: "王审核" };

function attrs(id: string, at = "2026-11-29T08:15:00.000Z"): SuggestionAttrs {
  return { id, ...REVIEWER, at };
}
function text(value: string, ...marks: RichMark[]): RichNode {
  return marks.length > 0 ? { type: "text", text: value, marks } : { type: "text", text: value };
}
const ins = (id: string): RichMark => ({ type: "suggestInsert", attrs: attrs(id) });
const del = (id: string): RichMark => ({ type: "suggestDelete", attrs: attrs(id) });

/** A report whose first item reads "全年开展专题学习六次。" with three suggestions: 六次 → 八次 (delete + insert) and 集中 inserted. */
function reportWithSuggestions(): Report {
  const report = buildCompleteReport();
  report.sections[0]!.items[0]!.body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [text("全年开展"), text("集中", ins("s-ins-1")), text("专题学习"), text("六次", del("s-del-1")), text("八次", ins("s-ins-2")), text("。")],
      },
      { type: "paragraph", content: [text("邀请高校教授解读行政法律制度。")] },
    ],
  };
  return report;
}

function firstBodyText(report: Report): string {
  return docToText(report.sections[0]!.items[0]!.body);
}

describe("suggestion marks in the report schema", () => {
  it("accepts the two suggestion marks with exactly {id, authorId, authorName, at}", () => {
    const report = reportWithSuggestions();
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(() => assertBodyMatchesSchema(report.sections[0]!.items[0]!.body)).not.toThrow();
  });

  it.each([
    ["an extra attribute", { ...attrs("a"), colour: "red" }],
    ["a missing author", { id: "a", authorName: "王审核", at: "2026-11-29T08:15:00Z" }],
    ["a date that is not ISO", { ...attrs("a"), at: "2026年11月29日" }],
    ["an id with spaces", { ...attrs("a"), id: "a b" }],
  ])("refuses a suggestion mark with %s", (_name, badAttrs) => {
    const report = buildCompleteReport();
    report.sections[0]!.items[0]!.body = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "字", marks: [{ type: "suggestInsert", attrs: badAttrs as SuggestionAttrs }] }] }],
    };
    expect(reportSchema.safeParse(report).success).toBe(false);
  });

  it("refuses attributes on formatting marks and unknown mark types", () => {
    const report = buildCompleteReport();
    const body = (marks: unknown) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "字", marks }] }] });
    report.sections[0]!.items[0]!.body = body([{ type: "bold", attrs: attrs("a") }]) as Report["opening"];
    expect(reportSchema.safeParse(report).success).toBe(false);
    report.sections[0]!.items[0]!.body = body([{ type: "suggestFormat", attrs: attrs("a") }]) as Report["opening"];
    expect(reportSchema.safeParse(report).success).toBe(false);
  });
});

describe("listSuggestions", () => {
  it("lists each suggestion once, in reading order, with its kind, text, author and place", () => {
    const report = reportWithSuggestions();
    const item = report.sections[0]!.items[0]!;
    const found = listSuggestions(report);
    expect(found.map((s) => [s.id, s.kind, s.text, s.before])).toEqual([
      ["s-ins-1", "insert", "集中", "全年开展"],
      ["s-del-1", "delete", "六次", "全年开展集中专题学习"],
      ["s-ins-2", "insert", "八次", "全年开展集中专题学习六次"],
    ]);
    expect(found[0]).toMatchObject({
      ...REVIEWER,
      at: "2026-11-29T08:15:00.000Z",
      location: { field: "body", sectionId: report.sections[0]!.id, itemId: item.id },
    });
  });

  it("joins one suggestion spread over formatted runs and paragraphs", () => {
    const report = buildCompleteReport();
    report.opening = {
      type: "doc",
      content: [
        { type: "paragraph", content: [text("现将"), text("有关", ins("x")), text("情况", { type: "bold" }, ins("x"))] },
        { type: "paragraph", content: [text("报告如下", ins("x"))] },
      ],
    };
    expect(listSuggestions(report)).toEqual([expect.objectContaining({ id: "x", kind: "insert", text: "有关情况\n报告如下", location: { field: "opening" } })]);
  });

  it("finds nothing in a report without suggestions", () => {
    const report = buildCompleteReport();
    expect(listSuggestions(report)).toEqual([]);
    expect(hasSuggestions(report)).toBe(false);
    expect(acceptedView(report)).toBe(report);
  });
});

describe("accepting and rejecting", () => {
  it("acceptedView keeps insertions and drops deletions", () => {
    const report = reportWithSuggestions();
    expect(firstBodyText(acceptedView(report))).toBe("全年开展集中专题学习八次。\n邀请高校教授解读行政法律制度。");
    expect(listSuggestions(acceptedView(report))).toEqual([]);
  });

  it("rejectedView is the text before any suggestion", () => {
    const report = reportWithSuggestions();
    expect(firstBodyText(rejectedView(report))).toBe("全年开展专题学习六次。\n邀请高校教授解读行政法律制度。");
  });

  it("accepts two and rejects one, leaving plain merged text", () => {
    let report = reportWithSuggestions();
    report = acceptSuggestion(report, "s-del-1");
    report = acceptSuggestion(report, "s-ins-2");
    report = rejectSuggestion(report, "s-ins-1");
    const body = report.sections[0]!.items[0]!.body;
    expect(body.content[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: "全年开展专题学习八次。" }] });
    expect(hasSuggestions(report)).toBe(false);
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it("resolving one suggestion leaves the others untouched", () => {
    const report = rejectSuggestion(reportWithSuggestions(), "s-del-1");
    expect(listSuggestions(report).map((s) => s.id)).toEqual(["s-ins-1", "s-ins-2"]);
    expect(firstBodyText(report)).toBe("全年开展集中专题学习六次八次。\n邀请高校教授解读行政法律制度。");
  });

  it("does not change the report it is given", () => {
    const report = reportWithSuggestions();
    const before = JSON.stringify(report);
    acceptAllSuggestions(report);
    rejectAllSuggestions(report);
    acceptSuggestion(report, "s-ins-1");
    expect(JSON.stringify(report)).toBe(before);
  });

  it("drops a paragraph whose whole text was deleted, but keeps a body's last paragraph", () => {
    const report = buildCompleteReport();
    report.opening = {
      type: "doc",
      content: [
        { type: "paragraph", content: [text("第一段。")] },
        { type: "paragraph", content: [text("整段删除。", del("d"))] },
      ],
    };
    expect(acceptAllSuggestions(report).opening).toEqual({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "第一段。" }] }] });
    report.opening = { type: "doc", content: [{ type: "paragraph", content: [text("全删。", del("d"))] }] };
    expect(acceptAllSuggestions(report).opening).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });

  it("keeps a table cell valid when its only text is rejected", () => {
    const report = buildCompleteReport();
    const cell = (node: RichNode): RichNode => ({ type: "tableCell", content: [{ type: "paragraph", content: [node] }] });
    report.opening = {
      type: "doc",
      content: [{ type: "table", content: [{ type: "tableRow", content: [cell(text("甲")), cell(text("乙", ins("i")))] }] }],
    };
    const rejected = rejectAllSuggestions(report);
    expect(() => assertBodyMatchesSchema(rejected.opening)).not.toThrow();
    expect(docToText(rejected.opening)).toBe("甲\t");
  });

  it("text both inserted and then deleted disappears whichever way it is decided", () => {
    const report = buildCompleteReport();
    report.opening = { type: "doc", content: [{ type: "paragraph", content: [text("保留"), text("多余", ins("i"), del("d"))] }] };
    expect(docToText(acceptAllSuggestions(report).opening)).toBe("保留");
    expect(docToText(rejectAllSuggestions(report).opening)).toBe("保留");
    expect(docToText(acceptSuggestion(report, "i").opening)).toBe("保留多余");
    expect(listSuggestions(acceptSuggestion(report, "i")).map((s) => s.kind)).toEqual(["delete"]);
  });

  it("keeps formatting marks when a suggestion is accepted", () => {
    const report = buildCompleteReport();
    report.opening = { type: "doc", content: [{ type: "paragraph", content: [text("加粗", { type: "bold" }, ins("i"))] }] };
    expect(acceptAllSuggestions(report).opening.content[0]!.content).toEqual([{ type: "text", text: "加粗", marks: [{ type: "bold" }] }]);
  });
});

describe("validation reads the text with suggestions accepted", () => {
  function duplicateCommaFindings(parts: RichNode[]): string[] {
    const report = buildCompleteReport();
    report.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "paragraph", content: parts }] };
    return validateReport(report)
      .filter((finding) => finding.location.itemId === report.sections[0]!.items[0]!.id && finding.message.includes("重复"))
      .map((finding) => finding.message);
  }

  it("a suggested deletion of the doubled comma clears the finding; a suggested insertion of one raises it", () => {
    expect(duplicateCommaFindings([text("全年共办理行政复议案件3件，，其中维持2件。")])).toHaveLength(1);
    expect(duplicateCommaFindings([text("全年共办理行政复议案件3件，"), text("，", del("d")), text("其中维持2件。")])).toEqual([]);
    expect(duplicateCommaFindings([text("全年共办理行政复议案件3件，"), text("，", ins("i")), text("其中维持2件。")])).toHaveLength(1);
  });

  it("places findings and fixes on the body's own text, where the deleted words are still shown", () => {
    const report = buildCompleteReport();
    const item = report.sections[0]!.items[0]!;
    item.body = {
      type: "doc",
      content: [
        { type: "paragraph", content: [text("整段删除。", del("p"))] },
        { type: "paragraph", content: [text("全年"), text("共", del("d")), text("办理行政复议案件3件，，其中维持2件。")] },
      ],
    };
    const own = docToText(item.body);
    const [finding] = validateReport(report).filter((candidate) => candidate.location.itemId === item.id && candidate.message.includes("重复"));
    expect(finding).toBeDefined();
    const range = finding!.location.range!;
    expect(own.slice(range.from, range.to)).toBe("，，");
    const edits = [...(finding!.fix?.edits ?? [])].sort((a, b) => b.from - a.from);
    expect(edits.length).toBeGreaterThan(0);
    const fixed = edits.reduce((textSoFar, edit) => textSoFar.slice(0, edit.from) + edit.insert + textSoFar.slice(edit.to), own);
    expect(fixed).toBe("整段删除。\n全年共办理行政复议案件3件，其中维持2件。");
  });
});

describe("acceptedTextOffsets", () => {
  it("maps each accepted character to its place in the body's own text", () => {
    const doc = {
      type: "doc" as const,
      content: [
        { type: "paragraph" as const },
        { type: "paragraph" as const, content: [text("甲"), text("乙", del("d")), text("丙", ins("i"))] },
        { type: "paragraph" as const, content: [text("删", del("d2"))] },
        { type: "paragraph" as const, content: [text("丁")] },
      ],
    };
    const own = docToText(doc);
    expect(own).toBe("\n甲乙丙\n删\n丁");
    const offsets = acceptedTextOffsets(doc)!;
    const accepted = docToText(acceptAllSuggestions({ ...buildCompleteReport(), opening: doc }).opening);
    expect(accepted).toBe("\n甲丙\n丁");
    expect([...accepted].map((char, index) => own[offsets[index]!] === char)).toEqual([...accepted].map(() => true));
    expect(offsets[accepted.length]).toBe(own.length);
  });
});
