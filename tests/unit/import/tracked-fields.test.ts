import { describe, expect, it } from "vitest";

import { applyTrackedChanges } from "@/lib/import/tracked";
import { readDocumentXml } from "@/lib/import/tracked/read-tracked-docx";
import { docToText, listSuggestions, textToDoc, type Report } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";

const options = () => {
  let counter = 0;
  return { now: "2026-11-29T00:00:00.000Z", newId: () => `f${++counter}` };
};
const AT = "2026-11-25T09:30:00Z";
const W = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;
const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const del = (text: string, author = "王局长") => `<w:del w:id="1" w:author="${author}" w:date="${AT}"><w:r><w:delText>${text}</w:delText></w:r></w:del>`;
const ins = (text: string, author = "王局长") => `<w:ins w:id="2" w:author="${author}" w:date="${AT}"><w:r><w:t>${text}</w:t></w:r></w:ins>`;
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;

function fixture(): Report {
  const report = buildCompleteReport();
  report.closing = "特此报告。";
  report.meta.copyTo = "市司法局";
  const measures = report.sections[0]!;
  measures.lead = "2024年，我局围绕中心工作推进依法行政。\n全年未发生重大行政争议。";
  measures.items[3]!.isRunIn = true;
  return report;
}

function apply(report: Report, body: string) {
  return applyTrackedChanges(report, { ...readDocumentXml(W(body)), comments: [] }, options());
}

describe("[IMPORT]: a leader's changes to headings, leads, the closing and the meta fields", () => {
  it("reads a part heading and an item heading under their numerals as each field's value before and after", () => {
    const report = fixture();
    const [measures] = report.sections;
    const result = apply(
      report,
      p(t("一、2024年推进法治政府建设的"), del("主要"), t("举措和成效")) +
        p(t("（二）依法全面履行部门职能，"), del("持续"), ins("进一步"), t("优化法治化营商环境"), ins("建设")),
    );
    expect(result.fieldEdits).toEqual([
      {
        ref: { field: "sectionHeading", sectionId: measures!.id },
        label: "部分标题",
        from: "2024年推进法治政府建设的主要举措和成效",
        to: "2024年推进法治政府建设的举措和成效",
        authorName: "王局长",
        date: AT,
        authors: [{ name: "王局长", date: AT }],
        changeKeys: [expect.stringMatching(/^w:del#1#/)],
      },
      expect.objectContaining({
        ref: { field: "itemHeading", sectionId: measures!.id, itemId: measures!.items[1]!.id },
        from: "依法全面履行部门职能，持续优化法治化营商环境",
        to: "依法全面履行部门职能，进一步优化法治化营商环境建设",
      }),
    ]);
    expect(result.fieldEdits[1]!.changeKeys).toHaveLength(3);
    expect(result.log).toEqual([]);
    // The fields keep their text; each edit is one field suggestion by the leader.
    const { fieldSuggestions, ...rest } = result.report;
    expect(rest).toEqual(report);
    expect(fieldSuggestions).toEqual([
      {
        id: "f1",
        authorId: expect.stringMatching(/^word:[0-9a-f]{8}$/),
        authorName: "王局长",
        at: "2026-11-25T09:30:00.000Z",
        target: { field: "sectionHeading", sectionId: measures!.id },
        from: "2024年推进法治政府建设的主要举措和成效",
        to: "2024年推进法治政府建设的举措和成效",
      },
      expect.objectContaining({ id: "f2", target: { field: "itemHeading", sectionId: measures!.id, itemId: measures!.items[1]!.id } }),
    ]);
    expect(result).toMatchObject({ insertions: 0, deletions: 0, fieldChanges: 2 });
  });

  it("puts changes to two lines of a part's lead into one edit of the lead", () => {
    const report = fixture();
    const result = apply(
      report,
      p(t("一、2024年推进法治政府建设的主要举措和成效")) +
        p(t("2024年，我局围绕"), ins("全市"), t("中心工作推进依法行政。")) +
        p(t("全年未发生"), del("重大"), t("行政争议。")),
    );
    expect(result.fieldEdits.map(({ ref, from, to }) => ({ ref, from, to }))).toEqual([
      {
        ref: { field: "sectionLead", sectionId: report.sections[0]!.id },
        from: "2024年，我局围绕中心工作推进依法行政。\n全年未发生重大行政争议。",
        to: "2024年，我局围绕全市中心工作推进依法行政。\n全年未发生行政争议。",
      },
    ]);
  });

  it("reads a run-in heading before its first paragraph: the heading's change is the heading's, the body's the body's", () => {
    const report = fixture();
    const item = report.sections[0]!.items[3]!;
    const body = docToText(item.body);
    const result = apply(
      report,
      p(t("（四）严格落实重大行政决策"), ins("法定"), t("程序"), ins("规定"), t("。"), t(body.slice(0, 4)), del(body.slice(4, 6)), t(body.slice(6))),
    );
    expect(result.fieldEdits.map(({ ref, from, to }) => ({ ref, from, to }))).toEqual([
      {
        ref: { field: "itemHeading", sectionId: report.sections[0]!.id, itemId: item.id },
        from: "严格落实重大行政决策程序",
        to: "严格落实重大行政决策法定程序规定",
      },
    ]);
    expect(result.deletions).toBe(1);
    expect(result.log).toEqual([]);
  });

  it("reads the title across its printed lines, 主送 without its colon, 抄送 inside “抄送：…。” and the closing", () => {
    const report = fixture();
    const result = apply(
      report,
      p(t("青溪市水务局关于2024年度"), `<w:r><w:br/></w:r>`, ins("全市"), t("法治政府建设情况的报告")) +
        p(t("青溪市人民政府"), ins("办公室"), t("：")) +
        p(t("特此"), del("报告"), ins("报告，请审阅"), t("。")) +
        p(t("青溪市"), del("水务局")) +
        p(t("抄送：市司法局"), ins("、市财政局"), t("。")),
    );
    expect(result.fieldEdits.map(({ ref, from, to }) => [ref, from, to])).toEqual([
      [{ field: "meta", key: "title" }, "青溪市水务局关于2024年度法治政府建设情况的报告", "青溪市水务局关于2024年度全市法治政府建设情况的报告"],
      [{ field: "meta", key: "mainRecipient" }, "青溪市人民政府", "青溪市人民政府办公室"],
      [{ field: "closing" }, "特此报告。", "特此报告，请审阅。"],
      [{ field: "meta", key: "signature" }, "青溪市水务局", "青溪市"],
      [{ field: "meta", key: "copyTo" }, "市司法局", "市司法局、市财政局"],
    ]);
  });

  it("logs a change to a numeral or to the colon the exporter adds, and takes the heading's own change", () => {
    const report = fixture();
    const result = apply(report, p(del("一、"), ins("二、"), t("2024年推进法治政府建设的主要举措和成效"), ins("情况")) + p(t("青溪市人民政府"), del("：")));
    expect(result.fieldEdits.map(({ from, to }) => [from, to])).toEqual([
      ["2024年推进法治政府建设的主要举措和成效", "2024年推进法治政府建设的主要举措和成效情况"],
    ]);
    expect(result.log).toEqual([
      "部分标题“2024年推进法治政府建设的主要举措和成效”前后编号或标点的修订未导入（插入“二、”，删除“一、”）：编号和标点由导出时自动生成。",
      "主送机关“青溪市人民政府”前后编号或标点的修订未导入（删除“：”）：编号和标点由导出时自动生成。",
    ]);
  });

  it("takes nothing from an unchanged heading, and the first change's author when two people changed one field", () => {
    const report = fixture();
    const result = apply(
      report,
      p(t("（一）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导")) +
        p(t("（三）加强制度建设，"), del("严格", "李审核"), ins("从严", "王局长"), t("规范性文件管理")),
    );
    expect(result.fieldEdits).toHaveLength(1);
    expect(result.fieldEdits[0]).toMatchObject({ to: "加强制度建设，从严规范性文件管理", authorName: "李审核" });
    expect(result.report.fieldSuggestions).toEqual([expect.objectContaining({ authorName: "李审核", to: "加强制度建设，从严规范性文件管理" })]);
  });

  it("leaves the report's own field suggestion as the DOCX shows it, lets its author change it, and logs another person's change", () => {
    const report = fixture();
    const measures = report.sections[0]!;
    const target = { field: "itemHeading" as const, sectionId: measures.id, itemId: measures.items[2]!.id };
    report.fieldSuggestions = [
      {
        id: "s-f1",
        authorId: "u-li",
        authorName: "李审核",
        at: "2026-11-20T02:30:00.000Z",
        target,
        from: "加强制度建设，严格规范性文件管理",
        to: "加强制度建设，从严规范性文件管理",
      },
    ];
    const exported = p(t("（三）加强制度建设，"), del("严格", "李审核"), ins("从严", "李审核"), t("规范性文件管理"));
    const same = apply(report, exported);
    expect(same).toMatchObject({ fieldChanges: 0, log: [] });
    expect(same.report).toEqual(report);

    const leaderXml = p(t("（三）加强制度建设，"), del("严格", "李审核"), ins("从严", "李审核"), t("规范性文件"), ins("全周期", "王局长"), t("管理"));
    const byLeader = apply(report, leaderXml);
    expect(byLeader.fieldChanges).toBe(0);
    expect(byLeader.report).toEqual(report);
    expect(byLeader.log).toEqual([
      "条目标题“加强制度建设，严格规范性文件管理”已有李审核的修订（改为“加强制度建设，从严规范性文件管理”），王局长在 Word 中改为“加强制度建设，从严规范性文件全周期管理”未导入：请先接受或拒绝已有的修订。",
    ]);

    const authorXml = p(t("（三）加强制度建设，"), del("严格", "李审核"), ins("从严", "李审核"), t("规范性文件"), ins("全周期", "李审核"), t("管理"));
    const byAuthor = applyTrackedChanges(
      report,
      { ...readDocumentXml(W(authorXml)), comments: [] },
      { ...options(), authorIdFor: (name: string) => (name === "李审核" ? "u-li" : undefined) },
    );
    expect(byAuthor.fieldChanges).toBe(1);
    expect(byAuthor.report.fieldSuggestions).toEqual([
      { ...report.fieldSuggestions[0]!, at: "2026-11-25T09:30:00.000Z", to: "加强制度建设，从严规范性文件全周期管理" },
    ]);
  });

  it("says so when the leader accepted the report's field suggestion in Word, and leaves it open", () => {
    const report = fixture();
    report.fieldSuggestions = [
      {
        id: "s-f2",
        authorId: "u-li",
        authorName: "李审核",
        at: "2026-11-20T02:30:00.000Z",
        target: { field: "closing" },
        from: "特此报告。",
        to: "特此报告，请审阅。",
      },
    ];
    const result = apply(report, p(t("特此报告，请审阅。")) + p(t("特此报告，请审阅"), ins("批示"), t("。")));
    expect(result.report).toEqual(report);
    expect(result.log).toEqual([
      "结束语“特此报告，请审阅。”是在 Word 中接受修订后的文字，报告中该修订仍待处理，请在修订列表中接受。",
      "结束语“特此报告，请审阅。”是在 Word 中接受修订后的文字，报告中该修订仍待处理，请在修订列表中接受；其中新的修订未导入（插入“批示”）。",
    ]);
  });

  it("names the 成文日期 when the leader changed it (it is not a text field)", () => {
    const result = apply(fixture(), p(t("2025年2月"), del("20"), ins("25"), t("日")));
    expect(result.log).toEqual(["成文日期“2025年2月20日”中的修订未导入（插入“25”，删除“20”）：成文日期请在编辑器中修改。"]);
  });

  it("takes a body paragraph that reads like a lead line already placed as the body paragraph", () => {
    const report = fixture();
    const item = report.sections[0]!.items[0]!;
    item.body = textToDoc("全年未发生重大行政争议。");
    const result = apply(
      report,
      p(t("2024年，我局围绕中心工作推进依法行政。")) +
        p(t("全年未发生重大行政争议。")) +
        p(t("（一）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导")) +
        p(t("全年未发生"), del("重大"), t("行政争议。")),
    );
    expect(result.fieldEdits).toEqual([]);
    expect(result.deletions).toBe(1);
    expect(listSuggestions(result.report).map((suggestion) => [suggestion.kind, suggestion.text, suggestion.location])).toEqual([
      ["delete", "重大", { field: "body", sectionId: report.sections[0]!.id, itemId: item.id }],
    ]);
  });

  it("logs a heading that would grow past its limit instead of suggesting it", () => {
    const report = fixture();
    const result = apply(report, p(t("（一）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导"), ins("字".repeat(200))));
    expect(result.fieldChanges).toBe(0);
    expect(result.log).toEqual(["条目标题“深入学习贯彻习近平法治思想，加强党对法治政府建设的领导”改后超过200字，修订未导入，请在编辑器中修改。"]);
  });
});

describe("[IMPORT]: paragraphs a leader added", () => {
  it("go in order after the paragraph before them, or at the start of the body under the heading before them", () => {
    const report = fixture();
    const measures = report.sections[0]!;
    const first = docToText(measures.items[0]!.body);
    const result = apply(
      report,
      p(t("（一）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导")) +
        p(t(first)) +
        p(ins("新增第一段。")) +
        p(ins("新增第二段。")) +
        p(t("（二）依法全面履行部门职能，持续优化法治化营商环境")) +
        p(ins("第二条新增的开头段。")) +
        p(t(docToText(measures.items[1]!.body))),
    );
    expect(result.report.sections[0]!.items[0]!.body.content.map((node) => docToText(node))).toEqual([first, "新增第一段。", "新增第二段。"]);
    expect(result.report.sections[0]!.items[1]!.body.content.map((node) => docToText(node))).toEqual([
      "第二条新增的开头段。",
      docToText(measures.items[1]!.body),
    ]);
    expect(result.insertions).toBe(3);
    expect(result.log).toEqual([
      expect.stringMatching(/^新增段落“新增第一段。”已作为插入修订放在“局党组把学习贯彻/),
      "新增段落“新增第二段。”已作为插入修订放在“新增第一段。”之后。",
      "新增段落“第二条新增的开头段。”已作为插入修订放在“依法全面履行部门职能，持续优化法治化营商环境”之后。",
    ]);
    // The same file again adds nothing.
    const again = applyTrackedChanges(
      result.report,
      {
        ...readDocumentXml(
          W(p(t("（一）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导")) + p(t(first)) + p(ins("新增第一段。")) + p(ins("新增第二段。"))),
        ),
        comments: [],
      },
      options(),
    );
    expect(again.insertions).toBe(0);
    expect(again.report).toEqual(result.report);
  });

  it("after a line of a part's lead are new lines of the lead; after Enter at a paragraph's end, a new paragraph", () => {
    const report = fixture();
    const measures = report.sections[0]!;
    const first = docToText(measures.items[0]!.body);
    const enter = `<w:pPr><w:rPr><w:ins w:id="9" w:author="王局长" w:date="${AT}"/></w:rPr></w:pPr>`;
    const result = apply(
      report,
      p(t("一、2024年推进法治政府建设的主要举措和成效")) +
        `<w:p>${enter}${t("2024年，我局围绕中心工作推进依法行政。")}</w:p>` +
        p(ins("全年办理行政复议案件三件。")) +
        p(t("全年未发生重大行政争议。")) +
        p(t("（一）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导")) +
        `<w:p>${enter}${t(first)}</w:p>` +
        p(ins("另起一段的新内容。")),
    );
    expect(result.fieldEdits.map(({ ref, to }) => [ref.field, to])).toEqual([
      ["sectionLead", "2024年，我局围绕中心工作推进依法行政。\n全年办理行政复议案件三件。\n全年未发生重大行政争议。"],
    ]);
    expect(result.report.sections[0]!.items[0]!.body.content.map((node) => docToText(node))).toEqual([first, "另起一段的新内容。"]);
    expect(result.log).toEqual([expect.stringMatching(/^新增段落“另起一段的新内容。”已作为插入修订放在/)]);
  });

  it("fill an empty part's empty body under its heading", () => {
    const report = fixture();
    const other = report.sections.find((section) => section.kind === "other")!;
    expect(docToText(other.items[0]!.body)).toBe("");
    const result = apply(report, p(t("五、其他需要报告的情况")) + p(ins("本年度无其他需要报告的情况。")));
    expect(result.report.sections.find((section) => section.kind === "other")!.items[0]!.body).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "本年度无其他需要报告的情况。", marks: [expect.objectContaining({ type: "suggestInsert" })] }] },
      ],
    });
  });
});
