import { reportSchema, textToDoc, type Report, type RichDoc } from "@/lib/report-model";

/** Text with every character Typst markup would treat specially; it must print literally. */
export const SPECIAL_TEXT = "符号原样输出：#set $x$ *星号* _下划线_ [方括号] @引用 <标签> 反斜杠\\n 结束。";

const paragraph = (text: string, marks: Array<"bold" | "italic"> = []) => ({
  type: "paragraph" as const,
  content: [{ type: "text" as const, text, ...(marks.length > 0 ? { marks: marks.map((type) => ({ type })) } : {}) }],
});

const doc = (...content: RichDoc["content"]): RichDoc => ({ type: "doc", content });

const cell = (type: "tableCell" | "tableHeader", text: string) => ({ type, content: [paragraph(text)] });

/** A small but complete report: every block kind the template prints. */
export function pdfFixtureReport(): Report {
  return reportSchema.parse({
    schemaVersion: 1,
    templateId: "county-government",
    meta: {
      agency: "青禾县人民政府",
      year: 2024,
      title: "青禾县人民政府关于2024年度法治政府建设情况的报告",
      mainRecipient: "市人民政府",
      copyTo: "市委依法治市办，县人大常委会办公室",
      signature: "青禾县人民政府",
      date: "2025-03-08",
      docNumber: "",
      isPublic: true,
    },
    opening: doc(paragraph("现将我县2024年度法治政府建设情况报告如下。")),
    closing: "特此报告。",
    sections: [
      {
        id: "s1",
        kind: "measures",
        heading: "2024年度推进法治政府建设的主要举措和成效",
        lead: "2024年，我县坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，统筹推进依法行政各项工作，法治政府建设取得新进展。",
        items: [
          {
            id: "i1",
            heading: "强化组织领导",
            body: doc(
              paragraph(
                "县政府常务会议专题研究法治政府建设工作四次，印发年度工作要点，明确二十三项重点任务、责任单位和完成时限，做到年初有部署、年中有督促、年底有考核。",
              ),
              paragraph("1.压实第一责任人职责"),
              paragraph(
                "县政府主要负责人带头履行推进法治建设第一责任人职责，对重大法治问题亲自过问、重要环节亲自协调、重点任务亲自督办，全年听取法治工作汇报六次。",
              ),
              paragraph("2.完善考核评价。将法治政府建设纳入全县综合考核，权重提高到百分之八，考核结果作为干部选拔任用的重要参考。"),
            ),
            isRunIn: false,
          },
          {
            id: "i2",
            heading: "规范行政执法",
            body: doc(
              paragraph(
                "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，全年办理行政处罚案件1268件，罚没金额356.4万元，无一被复议撤销或者诉讼败诉。",
              ),
              {
                type: "orderedList",
                attrs: { start: 1 },
                content: [
                  { type: "listItem", content: [paragraph("开展执法案卷评查，抽查案卷三百二十份。")] },
                  { type: "listItem", content: [paragraph("组织执法人员轮训，参训人数达到一千一百余人次。")] },
                ],
              },
              paragraph(SPECIAL_TEXT),
            ),
            isRunIn: true,
          },
        ],
        indicators: { chufa_cases: 1268, chufa_fines: 356.4 },
      },
      {
        id: "s2",
        kind: "problems",
        heading: "存在的不足和原因",
        lead: "",
        items: [
          {
            id: "i3",
            heading: "",
            body: doc(paragraph("一是部分乡镇法治机构力量薄弱，专职法制审核人员不足；二是行政执法数字化水平不高，跨部门数据共享仍有堵点。", ["bold"]), {
              type: "table",
              content: [
                { type: "tableRow", content: [cell("tableHeader", "事项"), cell("tableHeader", "2023年"), cell("tableHeader", "2024年")] },
                { type: "tableRow", content: [cell("tableCell", "行政复议收案（件）"), cell("tableCell", "86"), cell("tableCell", "102")] },
                { type: "tableRow", content: [cell("tableCell", "负责人出庭应诉率"), cell("tableCell", "92.5%"), cell("tableCell", "100%")] },
              ],
            }),
            isRunIn: false,
          },
        ],
      },
      {
        id: "s3",
        kind: "next_year",
        heading: "2025年度推进法治政府建设的主要安排",
        lead: "",
        items: [
          {
            id: "i4",
            heading: "",
            body: textToDoc("深入推进严格规范公正文明执法，持续开展行政执法质量提升行动。\n健全重大行政决策程序，提高决策科学化、民主化、法治化水平。"),
            isRunIn: false,
          },
        ],
      },
    ],
  });
}
