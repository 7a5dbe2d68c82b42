import { describe, expect, it } from "vitest";

import { ReportError } from "@/lib/errors";
import type { Report } from "@/lib/report-model";
import { extractCommitments, linkCommitment, rollForwardReport, setCommitmentStatus, splitPlans, suggestCommitmentLinks, trimPlanText } from "@/lib/reuse";

import { item, report2024, section } from "./fixtures";

describe("splitPlans", () => {
  it.each([
    ["one plan per paragraph", ["完善行政执法公示制度。", "推进说理式执法。"], ["完善行政执法公示制度。", "推进说理式执法。"]],
    ["run-in 一是二是", ["一是强化学法。二是严格执法；三是加强监督。"], ["强化学法。", "严格执法；", "加强监督。"]],
    ["introduction ending with a colon is dropped", ["下一步，我局将做好以下工作：", "（一）健全制度。", "2.强化培训。"], ["健全制度。", "强化培训。"]],
    ["a topic before the run-in is kept", ["加强队伍建设。一是开展轮训。二是组织考试。"], ["加强队伍建设。", "开展轮训。", "组织考试。"]],
    ["一要二要 run-ins", ["一要抓学习，二要抓落实。"], ["一要抓学习，二要抓落实。"]],
    ["统一是 does not split", ["坚持标准统一是前提。二是严格落实。"], ["坚持标准统一是前提。二是严格落实。"]],
    ["一要 after sentence ends", ["一要抓学习。二要抓落实。"], ["抓学习。", "抓落实。"]],
  ])("%s", (_name, paragraphs, expected) => {
    expect(splitPlans(paragraphs)).toEqual(expected);
  });
});

describe("trimPlanText", () => {
  it("cuts long plans at a sentence end or with an ellipsis", () => {
    const sentence = "持续推进行政执法规范化建设，全面落实行政裁量权基准制度。";
    const long = sentence.repeat(10);
    expect(trimPlanText(long, 80)).toBe(sentence.repeat(2));
    expect(trimPlanText("甲".repeat(200), 50)).toBe("甲".repeat(50) + "……");
    expect(trimPlanText("  短文本。 ")).toBe("短文本。");
  });
});

describe("extractCommitments", () => {
  it("uses the lead, unheaded and headed items together", () => {
    const plans = section("next_year", "2025年工作安排", [item("推进严格规范执法", "落实三项制度。"), item("", "一是抓学习。二是抓落实。")], {
      lead: "2025年，我局将着力抓好以下工作：",
    });
    expect(extractCommitments([plans]).map((commitment) => commitment.text)).toEqual(["推进严格规范执法：落实三项制度。", "抓学习。", "抓落实。"]);
  });
});

function rolled(): Report {
  const next = rollForwardReport(report2024()).report;
  const measures = next.sections.find((part) => part.kind === "measures")!;
  measures.items = [
    item("优化法治化营商环境", "全面推行包容审慎监管，“免罚清单”适用范围扩大到市场监管全部领域，首违不罚案件42件。"),
    item("提升执法质效", "组织执法人员轮训两期，人均培训42学时，执法案卷优良率提高。"),
    item("做好食品安全监管", "开展校园食品安全专项检查。"),
  ];
  return next;
}

describe("commitment verbs", () => {
  it("links measures items, deduplicating", () => {
    const next = rolled();
    const [first] = next.commitments;
    const itemId = next.sections[0]!.items[0]!.id;
    const linked = linkCommitment(next, first!.id, [itemId, itemId]);
    expect(linked.commitments[0]!.linkedItemIds).toEqual([itemId]);
    expect(next.commitments[0]!.linkedItemIds).toEqual([]);
  });

  it.each([
    ["an unknown commitment", (next: Report) => linkCommitment(next, "c-missing", []), "承诺事项不存在或无权访问"],
    [
      "an item outside measures",
      (next: Report) => linkCommitment(next, next.commitments[0]!.id, [next.sections[1]!.items[0]!.id]),
      "只能关联“主要举措和成效”部分的条目",
    ],
    ["not done without a reason", (next: Report) => setCommitmentStatus(next, next.commitments[0]!.id, "not_done", "  "), "请说明未完成的原因"],
  ])("rejects %s", (_name, act, userMessage) => {
    const next = rolled();
    try {
      act(next);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReportError);
      expect((error as ReportError).userMessage).toBe(userMessage);
    }
  });

  it("sets status and keeps the reason only when not done", () => {
    const next = rolled();
    const id = next.commitments[2]!.id;
    const notDone = setCommitmentStatus(next, id, "not_done", " 受机构改革影响，顺延至明年。 ");
    expect(notDone.commitments[2]).toMatchObject({ status: "not_done", reason: "受机构改革影响，顺延至明年。" });
    const done = setCommitmentStatus(notDone, id, "done", "忽略");
    expect(done.commitments[2]).toMatchObject({ status: "done", reason: "" });
  });

  it("suggests the measures items that report on each plan", () => {
    const next = rolled();
    const [businessItem, trainingItem] = next.sections[0]!.items;
    const suggestions = suggestCommitmentLinks(next);
    const byText = new Map(suggestions.map((suggestion) => [next.commitments.find((c) => c.id === suggestion.commitmentId)!.text, suggestion]));
    expect(byText.get(next.commitments[0]!.text)?.itemIds[0]).toBe(businessItem!.id);
    expect(byText.get(next.commitments[1]!.text)?.itemIds[0]).toBe(trainingItem!.id);
    for (const suggestion of suggestions) expect(suggestion.score).toBeGreaterThan(0);
    // 八五普法 was not reported on at all: nothing to propose.
    expect(byText.has("抓好“八五”普法收官")).toBe(false);
  });

  it("skips commitments already linked or closed", () => {
    let next = rolled();
    next = linkCommitment(next, next.commitments[0]!.id, [next.sections[0]!.items[0]!.id]);
    next = setCommitmentStatus(next, next.commitments[1]!.id, "done");
    expect(suggestCommitmentLinks(next).map((suggestion) => suggestion.commitmentId)).toEqual([]);
  });

  it("stays fast on a large report", () => {
    const next = rolled();
    next.sections[0]!.items = Array.from({ length: 200 }, (_, index) =>
      item(`第${index}项举措`, "推进依法行政，规范执法行为，提升治理能力。".repeat(40) + `专项${index}`),
    );
    next.commitments = Array.from({ length: 200 }, (_, index) => ({ ...next.commitments[0]!, id: `c${index}`, text: `推进专项${index}工作，规范执法行为。` }));
    const started = performance.now();
    suggestCommitmentLinks(next);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
