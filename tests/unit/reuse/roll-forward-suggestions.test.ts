import { describe, expect, it } from "vitest";

import {
  docToText,
  listSuggestions,
  readField,
  reportSchema,
  type FieldSuggestion,
  type FieldTarget,
  type Report,
  type RichDoc,
  type SuggestionAttrs,
} from "@/lib/report-model";
import { rollForwardReport } from "@/lib/reuse";

import { report2024 } from "./fixtures";

const NOW = new Date("2026-01-15T08:00:00+08:00");
const by = (id: string): SuggestionAttrs => ({ id, authorId: "u-leader", authorName: "李局长", at: "2025-02-10T02:00:00.000Z" });
const text = (value: string, mark?: "suggestInsert" | "suggestDelete", id = "") => ({
  type: "text" as const,
  text: value,
  ...(mark ? { marks: [{ type: mark, attrs: by(id) }] } : {}),
});
const doc = (...paragraphs: Array<ReturnType<typeof text>[]>): RichDoc => ({
  type: "doc",
  content: paragraphs.map((content) => ({ type: "paragraph", content })),
});

/** Last year's report signed with a leader's suggestions still open in bodies and plain-text fields. */
function reportWithOpenSuggestions(): Report {
  const previous = report2024();
  const [measures, , , plans] = previous.sections;
  previous.opening = doc([text("2024年，我局"), text("认真", "suggestInsert", "b1"), text("贯彻落实县委、县政府部署。")]);
  measures!.items[1]!.body = doc(
    [text("全面落实行政执法三项制度，全年办理行政处罚案件286件"), text("，同比下降百分之八", "suggestDelete", "b2"), text("。")],
    [text("另查处网络交易违法案件99件。", "suggestInsert", "b3")],
  );
  plans!.items[0]!.body = doc([text("推行包容审慎监管"), text("，全面推行柔性执法", "suggestInsert", "b4"), text("。")]);
  previous.closing = "特此报告。";
  const changes: Array<[FieldTarget, string]> = [
    [{ field: "meta", key: "title" }, "云溪县市场监督管理局关于2024年度法治政府建设情况的报告"],
    [{ field: "sectionHeading", sectionId: measures!.id }, "2024年推进法治政府建设的主要举措和成效"],
    [{ field: "itemHeading", sectionId: measures!.id, itemId: measures!.items[0]!.id }, "持续深化“放管服”改革"],
    [{ field: "sectionLead", sectionId: measures!.id }, "2024年，我局深入学习贯彻习近平法治思想，全年新增执法人员12名。"],
    [{ field: "closing" }, "专此报告。"],
    [{ field: "meta", key: "copyTo" }, "县司法局，县政府办公室"],
  ];
  const fieldSuggestions: FieldSuggestion[] = changes.map(([target, to], index) => ({
    ...by(`f${index + 1}`),
    target,
    from: readField(previous, target)!,
    to,
  }));
  return reportSchema.parse({ ...previous, fieldSuggestions });
}

describe("[SUGGEST] roll-forward leaves last year's open suggestions behind", () => {
  it("the draft has the text as stored (rejected view): no mark, no field suggestion, nothing a suggestion added", () => {
    const previous = reportWithOpenSuggestions();
    const snapshot = structuredClone(previous);
    const { report: next } = rollForwardReport(previous, { now: NOW });

    expect(previous).toEqual(snapshot);
    expect(() => reportSchema.parse(next)).not.toThrow();
    expect(next).not.toHaveProperty("fieldSuggestions");
    expect(JSON.stringify(next)).not.toMatch(/suggestInsert|suggestDelete/);
    expect(listSuggestions(next)).toEqual([]);

    // Fields: the stored text, moved on a year where roll-forward moves it; none of the suggested texts.
    expect(next.meta.title).toBe("云溪县市场监督管理局关于2025年法治政府建设情况的报告");
    expect(next.meta.copyTo).toBe("县司法局");
    expect(next.closing).toBe("特此报告。");
    const measures = next.sections.find((section) => section.kind === "measures")!;
    expect(measures.heading).toBe("2025年法治政府建设主要举措和成效");
    expect(measures.items[0]!.heading).toBe("深化“放管服”改革");
    expect(measures.lead).toBe("2024年，我局在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想。");

    // Bodies: a suggested deletion stays as plain text, a suggested insertion (a whole new paragraph too) is gone.
    expect(docToText(next.opening)).toBe("2025年，我局贯彻落实县委、县政府部署。");
    const enforcement = measures.items[1]!;
    expect(docToText(enforcement.body)).toBe("全面落实行政执法三项制度，全年办理行政处罚案件286件，同比下降百分之八。");
    expect(enforcement.body.content).toHaveLength(1);
    // 待更新 marks come from that text: the suggested "99件" is not one of them.
    expect(enforcement.pendingUpdates.map((update) => update.text)).toContain("286件");
    expect(enforcement.pendingUpdates.map((update) => update.text)).not.toContain("99件");
    // The 承诺事项清单 is built from last year's plans as stored.
    const commitment = next.commitments.find((entry) => entry.text.includes("推行包容审慎监管"));
    expect(commitment?.text).not.toContain("柔性执法");
  });

  it("says how many suggestions stayed behind in the log and the stats", () => {
    const { log, stats } = rollForwardReport(reportWithOpenSuggestions(), { now: NOW });
    expect(stats.droppedSuggestions).toBe(10);
    expect(log).toContain("去年报告中有10处未处理的修订（修改建议）未带入新草稿，新草稿沿用原有文字；修订仍保留在去年的报告中，如需采纳请对照后修改。");
  });

  it("a report without suggestions rolls forward as before, without that line", () => {
    const { log, stats } = rollForwardReport(report2024(), { now: NOW });
    expect(stats.droppedSuggestions).toBe(0);
    expect(log.join("\n")).not.toContain("修订");
  });
});
