import { describe, expect, it } from "vitest";

import { docToText, reportSchema, textToDoc, type Report } from "@/lib/report-model";
import { addMissingStatutoryParts, findLeaderDutyPassages, isLeaderDutyHeading, isLeaderDutyParagraph, moveLeaderDutyPassage } from "@/lib/reuse";
import { getTemplate } from "@/templates";

import { item, report, section } from "./fixtures";

const department = getTemplate("department");

const DUTY_PARAGRAPH = "局党组书记、局长切实履行推进法治建设第一责任人职责，全年主持召开党组会议专题研究法治工作4次，对重大执法决定亲自审定。";
const GENERAL_PARAGRAPH = "局党组把法治政府建设列入年度工作要点，印发实施方案，明确28项具体任务和责任科室。";
const LEARNING_PARAGRAPH = "严格落实领导干部学法制度，全年组织党组理论学习中心组专题学法6次。";

describe("isLeaderDutyParagraph", () => {
  it.each([
    ["书记、局长 as actors of 第一责任人", DUTY_PARAGRAPH],
    ["党政主要负责人 acting", "党政主要负责人带头述法，在年终述职中专题报告履行法治建设职责情况。"],
    ["主要负责同志 presiding", "政府主要负责同志认真履行推进法治建设第一责任人职责，3次主持召开常务会议研究法治政府建设。"],
    ["the duty in a later sentence, actor before it", "全年召开专题会议5次。区长作为第一责任人，亲自部署法治督察反馈问题整改。"],
    ["pressing the duty on subordinate leaders", "督促各乡镇党政主要负责人履行第一责任人职责，将述法纳入年终考核。"],
  ])("moves %s", (_, text) => {
    expect(isLeaderDutyParagraph(text)).toBe(true);
  });

  it.each([
    ["a 加强党的领导 heading", "坚持党的领导，统筹推进法治政府建设"],
    ["generic leadership work", GENERAL_PARAGRAPH],
    ["collective study", LEARNING_PARAGRAPH],
    ["other bodies' leaders as the audience", "组织各部门主要负责人参加宪法宣誓和集中学法活动，参学人数达到150人次。"],
    ["the appearance rate in court", "行政机关负责人出庭应诉率达到100%，主要负责人出庭应诉3次。"],
    ["第一责任人 of something else without a leader", "落实安全生产第一责任人制度，企业落实主体责任。"],
  ])("leaves %s", (_, text) => {
    expect(isLeaderDutyParagraph(text)).toBe(false);
  });

  it("recognises duty headings, not generic leadership headings", () => {
    expect(isLeaderDutyHeading("压实党政主要负责人推进法治建设第一责任人职责")).toBe(true);
    expect(isLeaderDutyHeading("主要负责人切实履行法治建设职责")).toBe(true);
    expect(isLeaderDutyHeading("坚持党的领导，统筹推进法治政府建设")).toBe(false);
    expect(isLeaderDutyHeading("加强党的领导，健全法治政府建设推进机制")).toBe(false);
  });
});

function lastYear(): Report {
  return {
    ...report(2024, [
      section("measures", "2024年推进法治政府建设的主要举措和成效", [
        item("坚持党的领导，统筹推进法治政府建设", [GENERAL_PARAGRAPH, DUTY_PARAGRAPH, LEARNING_PARAGRAPH].join("\n")),
        item("压实党政主要负责人推进法治建设第一责任人职责", "局主要负责人带头学法、带头讲法，年终专题述法。"),
        item("严格规范公正文明执法", "全年办理行政处罚案件286件，案卷评查优良率95%。"),
      ]),
      section("problems", "存在的不足和原因", [item("", "主要负责人履行第一责任人职责的制度还不够完善，原因在于考核机制不健全。")]),
      section("next_year", "2025年工作安排", [item("", "主要负责人将继续履行第一责任人职责，带头述法。")]),
    ]),
    templateId: "department",
  };
}

describe("findLeaderDutyPassages", () => {
  it("offers duty paragraphs and duty items from the measures, never problems or plans, never the generic heading", () => {
    const passages = findLeaderDutyPassages(lastYear());
    const measures = lastYear().sections[0]!;
    expect(passages).toHaveLength(2);
    expect(passages[0]).toMatchObject({ scope: "paragraphs", blockIndexes: [1], text: DUTY_PARAGRAPH });
    expect(passages[1]).toMatchObject({ scope: "item", blockIndexes: [] });
    expect(passages[1]!.text).toContain("压实党政主要负责人推进法治建设第一责任人职责");
    expect(passages.every((passage) => passage.sectionId === measures.id || passage.sectionId === passages[0]!.sectionId)).toBe(true);
  });

  it("offers a whole untitled item when all its paragraphs are about the duty", () => {
    const single = report(2024, [section("measures", "主要举措", [item("", DUTY_PARAGRAPH)])]);
    expect(findLeaderDutyPassages(single)).toMatchObject([{ scope: "item", text: DUTY_PARAGRAPH }]);
  });

  it("finds nothing in a report that already keeps the duty in its own part", () => {
    const clean = report(2024, [
      section("measures", "主要举措", [item("坚持党的领导，统筹推进法治政府建设", GENERAL_PARAGRAPH)]),
      section("leader_duty", "党政主要负责人履行推进法治建设第一责任人职责情况", [item("", DUTY_PARAGRAPH)]),
    ]);
    expect(findLeaderDutyPassages(clean)).toEqual([]);
  });
});

describe("moveLeaderDutyPassage", () => {
  it("moves paragraphs intact into the added empty part, keeps the rest and the item in place", () => {
    const start = addMissingStatutoryParts(lastYear(), department).report;
    const [paragraphs] = findLeaderDutyPassages(start);
    const next = moveLeaderDutyPassage(start, paragraphs!, department);
    const measures = next.sections[0]!;
    const leader = next.sections.find((part) => part.kind === "leader_duty")!;
    expect(measures.items[0]!.id).toBe(start.sections[0]!.items[0]!.id);
    expect(measures.items[0]!.heading).toBe("坚持党的领导，统筹推进法治政府建设");
    expect(docToText(measures.items[0]!.body)).toBe([GENERAL_PARAGRAPH, LEARNING_PARAGRAPH].join("\n"));
    // The empty placeholder item is replaced by the moved text, byte for byte.
    expect(leader.items).toHaveLength(1);
    expect(leader.items[0]!.body).toEqual(textToDoc(DUTY_PARAGRAPH));
    expect(() => reportSchema.parse(next)).not.toThrow();
    // No text lost or doubled anywhere.
    const all = (candidate: Report) =>
      candidate.sections
        .flatMap((part) => part.items.map((entry) => docToText(entry.body)))
        .join("\n")
        .split("\n")
        .filter(Boolean)
        .sort();
    expect(all(next)).toEqual(all(start));
  });

  it("moves a whole item with its id, heading and marks, and creates the part when the report lacks it", () => {
    const start = lastYear();
    start.sections[0]!.items[1]!.pendingUpdates = [{ id: "p1", text: "2024年", kind: "year" }];
    const itemPassage = findLeaderDutyPassages(start)[1]!;
    const next = moveLeaderDutyPassage(start, itemPassage, department);
    expect(next.sections.map((part) => part.kind)).toEqual(["measures", "problems", "leader_duty", "next_year"]);
    expect(next.sections[0]!.items.map((entry) => entry.heading)).toEqual(["坚持党的领导，统筹推进法治政府建设", "严格规范公正文明执法"]);
    expect(next.sections[2]!.items).toEqual([start.sections[0]!.items[1]]);
  });

  it("appends later paragraphs to the part's untitled text instead of adding untitled items", () => {
    const start = addMissingStatutoryParts(lastYear(), department).report;
    const once = moveLeaderDutyPassage(start, findLeaderDutyPassages(start)[0]!, department);
    const extra = {
      ...once,
      sections: once.sections.map((part, index) =>
        index === 0 ? { ...part, items: [...part.items, item("", "区长作为第一责任人，带头出庭应诉2次。")] } : part,
      ),
    };
    const passage = findLeaderDutyPassages(extra).find((candidate) => candidate.text.includes("出庭应诉"))!;
    const twice = moveLeaderDutyPassage(extra, passage, department);
    const leader = twice.sections.find((part) => part.kind === "leader_duty")!;
    expect(leader.items).toHaveLength(1);
    expect(docToText(leader.items[0]!.body)).toBe(`${DUTY_PARAGRAPH}\n区长作为第一责任人，带头出庭应诉2次。`);
    // The emptied untitled item disappears only because it had no text at all; its part keeps one item.
    expect(twice.sections[0]!.items.every((entry) => entry.heading || docToText(entry.body))).toBe(true);
  });

  it("does nothing when the text changed since the suggestion was made", () => {
    const start = lastYear();
    const passage = findLeaderDutyPassages(start)[0]!;
    const edited = structuredClone(start);
    edited.sections[0]!.items[0]!.body = textToDoc([GENERAL_PARAGRAPH, `${DUTY_PARAGRAPH}（已修改）`].join("\n"));
    expect(moveLeaderDutyPassage(edited, passage, department)).toBe(edited);
  });
});
