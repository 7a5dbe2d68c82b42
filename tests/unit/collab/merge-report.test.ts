import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { describeConflictSide, isSameJson, mergeReports, type MergeChoice } from "@/lib/collab";
import { docToText, textToDoc, type Report, type ReportItem } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";

const BASE = buildCompleteReport();
const BASE_ITEMS = BASE.sections.flatMap((section) => section.items.map((item) => ({ sectionId: section.id, id: item.id })));
const clone = (report: Report): Report => structuredClone(report);
const findItem = (report: Report, id: string) => report.sections.flatMap((section) => section.items).find((item) => item.id === id);
const textOf = (report: Report, id: string) => docToText(findItem(report, id)?.body);
const newItem = (id: string, heading: string, text: string): ReportItem => ({
  id,
  heading,
  body: textToDoc(text),
  isRunIn: false,
  area: null,
  pendingUpdates: [],
});

function editItem(report: Report, id: string, change: (item: ReportItem) => ReportItem): Report {
  const next = clone(report);
  for (const section of next.sections) section.items = section.items.map((item) => (item.id === id ? change(item) : item));
  return next;
}
const setBody = (report: Report, id: string, text: string) => editItem(report, id, (item) => ({ ...item, body: textToDoc(text) }));

describe("mergeReports: examples", () => {
  const [first, second, third] = BASE_ITEMS;

  it("keeps A's text in (三) and B's text in (四) without a conflict (the issue's data-loss case)", () => {
    const theirs = setBody(BASE, third!.id, "甲在第三项写入的新内容。");
    const mine = setBody(BASE, BASE_ITEMS[3]!.id, "乙在第四项写入的新内容。");
    const { report, conflicts } = mergeReports({ base: BASE, mine, theirs });
    expect(conflicts).toEqual([]);
    expect(textOf(report, third!.id)).toBe("甲在第三项写入的新内容。");
    expect(textOf(report, BASE_ITEMS[3]!.id)).toBe("乙在第四项写入的新内容。");
  });

  it("merges the heading changed by one side with the body changed by the other in the same item", () => {
    const theirs = editItem(BASE, first!.id, (item) => ({ ...item, heading: "对方改的标题" }));
    const mine = setBody(BASE, first!.id, "我改的正文。");
    const { report, conflicts } = mergeReports({ base: BASE, mine, theirs });
    expect(conflicts).toEqual([]);
    expect(findItem(report, first!.id)).toMatchObject({ heading: "对方改的标题" });
    expect(textOf(report, first!.id)).toBe("我改的正文。");
  });

  it("offers only the item both changed, with base, mine and theirs; unsettled it keeps the server's text", () => {
    const theirs = setBody(setBody(BASE, first!.id, "对方的第一项。"), second!.id, "对方的第二项。");
    const mine = setBody(setBody(BASE, first!.id, "我的第一项。"), third!.id, "我的第三项。");
    const { report, conflicts, unresolved } = mergeReports({ base: BASE, mine, theirs });
    expect(conflicts.map((conflict) => conflict.key)).toEqual([`item:${first!.id}`]);
    expect(unresolved).toHaveLength(1);
    const [conflict] = conflicts;
    expect(describeConflictSide(conflict!, "base")).toContain(textOf(BASE, first!.id));
    expect(describeConflictSide(conflict!, "mine")).toContain("我的第一项。");
    expect(describeConflictSide(conflict!, "theirs")).toContain("对方的第一项。");
    expect(conflict!.canKeepBoth).toBe(true);
    expect(textOf(report, first!.id)).toBe("对方的第一项。");
    expect(textOf(report, second!.id)).toBe("对方的第二项。");
    expect(textOf(report, third!.id)).toBe("我的第三项。");
  });

  it.each<[MergeChoice, string]>([
    ["mine", "我的第一项。"],
    ["theirs", "对方的第一项。"],
    ["both", "我的第一项。\n对方的第一项。"],
  ])("settles a conflict with %s", (choice, expected) => {
    const theirs = setBody(BASE, first!.id, "对方的第一项。");
    const mine = setBody(BASE, first!.id, "我的第一项。");
    const { report, unresolved } = mergeReports({ base: BASE, mine, theirs, choices: { [`item:${first!.id}`]: choice } });
    expect(unresolved).toEqual([]);
    expect(textOf(report, first!.id)).toBe(expected);
  });

  it("keeps an item deleted by one side when the other changed it, until someone chooses", () => {
    const theirs = clone(BASE);
    theirs.sections[0]!.items = theirs.sections[0]!.items.filter((item) => item.id !== first!.id);
    const mine = setBody(BASE, first!.id, "我刚写完的内容。");
    const open = mergeReports({ base: BASE, mine, theirs });
    expect(open.conflicts.map((conflict) => conflict.key)).toEqual([`item:${first!.id}`]);
    expect(describeConflictSide(open.conflicts[0]!, "theirs")).toBeNull();
    expect(textOf(mergeReports({ base: BASE, mine, theirs, choices: { [`item:${first!.id}`]: "mine" } }).report, first!.id)).toBe("我刚写完的内容。");
    expect(findItem(mergeReports({ base: BASE, mine, theirs, choices: { [`item:${first!.id}`]: "theirs" } }).report, first!.id)).toBeUndefined();
  });

  it("deletes an item removed by one side and untouched by the other", () => {
    const mine = clone(BASE);
    mine.sections[0]!.items.splice(1, 1);
    const theirs = setBody(BASE, third!.id, "对方的第三项。");
    const { report, conflicts } = mergeReports({ base: BASE, mine, theirs });
    expect(conflicts).toEqual([]);
    expect(findItem(report, second!.id)).toBeUndefined();
    expect(report.sections[0]!.items.map((item) => item.id)).toEqual(BASE.sections[0]!.items.map((item) => item.id).filter((id) => id !== second!.id));
  });

  it("places items both sides added after their predecessors and keeps a reorder made by one side", () => {
    const mine = clone(BASE);
    const measures = mine.sections[0]!;
    measures.items.splice(1, 0, newItem("mine-new", "我加的", "我加的条目。"));
    const theirs = clone(BASE);
    const theirItems = theirs.sections[0]!.items;
    theirItems.push(theirItems.shift()!);
    theirItems.splice(2, 0, newItem("theirs-new", "对方加的", "对方加的条目。"));
    const { report, conflicts } = mergeReports({ base: BASE, mine, theirs });
    expect(conflicts).toEqual([]);
    const ids = report.sections[0]!.items.map((item) => item.id);
    expect(ids.slice(0, 4)).toEqual(theirItems.slice(0, 4).map((item) => item.id));
    expect(ids[2]).toBe("theirs-new");
    expect(ids.indexOf("mine-new")).toBe(ids.indexOf(first!.id) + 1);
    expect(ids).toHaveLength(BASE.sections[0]!.items.length + 2);
  });

  it("merges indicators, meta fields and commitments per key", () => {
    const mine = clone(BASE);
    mine.sections[0]!.indicators.susong_cases = 5;
    mine.meta.docNumber = "青水〔2025〕3号";
    mine.commitments = [{ id: "c-mine", text: "我方承诺", status: "open", linkedItemIds: [], reason: "" }];
    const theirs = clone(BASE);
    theirs.sections[0]!.indicators.chufa_cases = 30;
    theirs.meta.title = "对方改的标题";
    theirs.commitments = [{ id: "c-theirs", text: "对方承诺", status: "done", linkedItemIds: [], reason: "" }];
    const { report, conflicts } = mergeReports({ base: BASE, mine, theirs });
    expect(conflicts).toEqual([]);
    expect(report.sections[0]!.indicators).toMatchObject({ susong_cases: 5, chufa_cases: 30 });
    expect(report.meta).toMatchObject({ docNumber: "青水〔2025〕3号", title: "对方改的标题" });
    expect(report.commitments.map((commitment) => commitment.id).sort()).toEqual(["c-mine", "c-theirs"]);
  });

  it("reports a conflict per indicator and per meta field both changed", () => {
    const mine = clone(BASE);
    mine.sections[0]!.indicators.susong_cases = 5;
    mine.meta.title = "我的标题";
    const theirs = clone(BASE);
    theirs.sections[0]!.indicators.susong_cases = 7;
    theirs.meta.title = "对方的标题";
    const { conflicts, report } = mergeReports({ base: BASE, mine, theirs });
    expect(conflicts.map((conflict) => conflict.key)).toEqual(["meta:title", `section:${BASE.sections[0]!.id}:indicators:susong_cases`]);
    expect(conflicts[1]!.label).toContain("行政诉讼案件");
    expect(report.meta.title).toBe("对方的标题");
  });

  it("without a known base, every difference is a conflict and nothing is taken silently", () => {
    const mine = setBody(BASE, first!.id, "我的。");
    const theirs = setBody(BASE, second!.id, "对方的。");
    const { conflicts } = mergeReports({ base: null, mine, theirs });
    expect(conflicts.map((conflict) => conflict.key).sort()).toEqual([`item:${first!.id}`, `item:${second!.id}`].sort());
  });

  it("returns mine itself when nothing changed on the server", () => {
    const mine = setBody(BASE, first!.id, "我的。");
    expect(mergeReports({ base: BASE, mine, theirs: BASE }).report).toBe(mine);
  });
});

type Op =
  | { type: "body"; item: number; append: boolean }
  | { type: "heading"; item: number }
  | { type: "add"; section: number; at: number }
  | { type: "remove"; item: number }
  | { type: "move"; item: number; to: number }
  | { type: "indicator"; section: number; value: number }
  | { type: "lead"; section: number }
  | { type: "commitment" }
  | { type: "meta" };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant("body" as const), item: fc.nat(), append: fc.boolean() }),
  fc.record({ type: fc.constant("heading" as const), item: fc.nat() }),
  fc.record({ type: fc.constant("add" as const), section: fc.nat(), at: fc.nat() }),
  fc.record({ type: fc.constant("remove" as const), item: fc.nat() }),
  fc.record({ type: fc.constant("move" as const), item: fc.nat(), to: fc.nat() }),
  fc.record({ type: fc.constant("indicator" as const), section: fc.nat(), value: fc.nat({ max: 99 }) }),
  fc.record({ type: fc.constant("lead" as const), section: fc.nat() }),
  fc.constant({ type: "commitment" as const }),
  fc.constant({ type: "meta" as const }),
);

/** Applies edits; every typed text carries a unique token «side-n» so its survival can be checked. */
function applyOps(base: Report, ops: Op[], side: string, itemPool: Array<{ id: string }> = BASE_ITEMS): Report {
  let report = clone(base);
  ops.forEach((op, index) => {
    const token = `«${side}${index}»`;
    const pick = (n: number) => itemPool[n % itemPool.length]!.id;
    const locate = (id: string) => {
      for (const section of report.sections) {
        const position = section.items.findIndex((item) => item.id === id);
        if (position >= 0) return { section, position };
      }
      return null;
    };
    switch (op.type) {
      case "body":
        report = editItem(report, pick(op.item), (item) => ({
          ...item,
          body: op.append ? { ...item.body, content: [...(item.body.content ?? []), ...textToDoc(token).content!] } : textToDoc(`改写${token}`),
        }));
        break;
      case "heading":
        report = editItem(report, pick(op.item), (item) => ({ ...item, heading: `标题${token}` }));
        break;
      case "add": {
        const section = report.sections[op.section % report.sections.length]!;
        section.items.splice(op.at % (section.items.length + 1), 0, newItem(`${side}-item-${index}`, `新条目${token}`, `新正文${token}`));
        break;
      }
      case "remove": {
        const found = locate(pick(op.item));
        found?.section.items.splice(found.position, 1);
        break;
      }
      case "move": {
        const found = locate(pick(op.item));
        if (!found) break;
        const [moved] = found.section.items.splice(found.position, 1);
        found.section.items.splice(op.to % (found.section.items.length + 1), 0, moved!);
        break;
      }
      case "indicator":
        report.sections[op.section % report.sections.length]!.indicators.susong_cases = op.value;
        break;
      case "lead":
        report.sections[op.section % report.sections.length]!.lead = `导语${token}`;
        break;
      case "commitment":
        report.commitments.push({ id: `${side}-c-${index}`, text: `承诺${token}`, status: "open", linkedItemIds: [], reason: "" });
        break;
      case "meta":
        report.meta.docNumber = `文号${index}${side}`;
        break;
    }
  });
  return report;
}

const tokensIn = (value: unknown) => new Set(JSON.stringify(value).match(/«[a-z]+\d+»/g) ?? []);
const bodyOf = (report: Report) => ({ sections: report.sections, commitments: report.commitments });

describe("mergeReports: properties", () => {
  it("merging with no concurrent change is the identity, on either side", () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 12 }), (ops) => {
        const changed = applyOps(BASE, ops, "m");
        const mineOnly = mergeReports({ base: BASE, mine: changed, theirs: BASE });
        const theirsOnly = mergeReports({ base: BASE, mine: BASE, theirs: changed });
        const same = mergeReports({ base: BASE, mine: changed, theirs: changed });
        expect(mineOnly.conflicts).toEqual([]);
        expect(theirsOnly.conflicts).toEqual([]);
        expect(same.conflicts).toEqual([]);
        expect(isSameJson(mineOnly.report, changed)).toBe(true);
        expect(isSameJson(theirsOnly.report, changed)).toBe(true);
        expect(isSameJson(same.report, changed)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("disjoint changes both survive without a conflict", () => {
    const even = BASE_ITEMS.filter((_, index) => index % 2 === 0);
    const odd = BASE_ITEMS.filter((_, index) => index % 2 === 1);
    const disjointOp = opArbitrary.filter((op) => op.type !== "indicator" && op.type !== "lead" && op.type !== "meta");
    fc.assert(
      fc.property(fc.array(disjointOp, { maxLength: 10 }), fc.array(disjointOp, { maxLength: 10 }), (mineOps, theirOps) => {
        const mine = applyOps(BASE, mineOps, "m", even);
        const theirs = applyOps(BASE, theirOps, "t", odd);
        const { report, conflicts } = mergeReports({ base: BASE, mine, theirs });
        expect(conflicts).toEqual([]);
        const merged = tokensIn(report);
        for (const token of [...tokensIn(mine), ...tokensIn(theirs)]) expect(merged).toContain(token);
        for (const { id } of even) if (findItem(mine, id)) expect(isSameJson(findItem(report, id), findItem(mine, id))).toBe(true);
        for (const { id } of odd) if (findItem(theirs, id)) expect(isSameJson(findItem(report, id), findItem(theirs, id))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("nothing typed is dropped: keeping both keeps every text either side still has", () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 10 }), fc.array(opArbitrary, { maxLength: 10 }), (mineOps, theirOps) => {
        const mine = applyOps(BASE, mineOps, "m");
        const theirs = applyOps(BASE, theirOps, "t");
        const first = mergeReports({ base: BASE, mine, theirs });
        const choices = Object.fromEntries(first.conflicts.map((conflict) => [conflict.key, "both" as const]));
        const { report, unresolved } = mergeReports({ base: BASE, mine, theirs, choices });
        expect(unresolved).toEqual([]);
        const merged = tokensIn(bodyOf(report));
        for (const token of [...tokensIn(bodyOf(mine)), ...tokensIn(bodyOf(theirs))]) expect(merged).toContain(token);
        // Unsettled, the server's texts all stay (no older text is written over a newer one).
        const serverTokens = tokensIn(bodyOf(first.report));
        for (const token of tokensIn(bodyOf(theirs))) expect(serverTokens).toContain(token);
      }),
      { numRuns: 200 },
    );
  });

  it("every item id appears once and every conflict key once", () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 10 }), fc.array(opArbitrary, { maxLength: 10 }), (mineOps, theirOps) => {
        const { report, conflicts } = mergeReports({ base: BASE, mine: applyOps(BASE, mineOps, "m"), theirs: applyOps(BASE, theirOps, "t") });
        const ids = report.sections.flatMap((section) => section.items.map((item) => item.id));
        expect(new Set(ids).size).toBe(ids.length);
        const keys = conflicts.map((conflict) => conflict.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe("mergeReports: paragraphs of one item", () => {
  const twoParagraphs = (first: string, second: string) => ({ type: "doc" as const, content: [...textToDoc(first).content!, ...textToDoc(second).content!] });

  it("two people changing different paragraphs of the same item merge without a question", () => {
    const [item] = BASE_ITEMS;
    const base = editItem(BASE, item!.id, (entry) => ({ ...entry, body: twoParagraphs("第一段原文。", "第二段原文。") }));
    const mine = editItem(base, item!.id, (entry) => ({ ...entry, body: twoParagraphs("第一段我改了。", "第二段原文。") }));
    const theirs = editItem(base, item!.id, (entry) => ({ ...entry, body: twoParagraphs("第一段原文。", "第二段对方改了。") }));
    const { report, conflicts } = mergeReports({ base, mine, theirs });
    expect(conflicts).toEqual([]);
    expect(textOf(report, item!.id)).toBe("第一段我改了。\n第二段对方改了。");
  });

  it("the same paragraph changed by both is still a conflict", () => {
    const [item] = BASE_ITEMS;
    const base = editItem(BASE, item!.id, (entry) => ({ ...entry, body: twoParagraphs("第一段原文。", "第二段原文。") }));
    const mine = editItem(base, item!.id, (entry) => ({ ...entry, body: twoParagraphs("第一段我改了。", "第二段原文。") }));
    const theirs = editItem(base, item!.id, (entry) => ({ ...entry, body: twoParagraphs("第一段对方改了。", "第二段原文。") }));
    expect(mergeReports({ base, mine, theirs }).conflicts.map((conflict) => conflict.key)).toEqual([`item:${item!.id}`]);
  });
});
