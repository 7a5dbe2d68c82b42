import { emptyDoc, textToDoc, type Report, type ReportTemplate } from "@/lib/report-model";
import { getTemplate } from "@/templates";

export const TEMPLATE: ReportTemplate = getTemplate("county-government");

/** A small county report written for these tests (not taken from any real report). */
export function buildReport(): Report {
  const item = (id: string, heading: string, text: string, pending: Report["sections"][number]["items"][number]["pendingUpdates"] = []) => ({
    id,
    heading,
    body: textToDoc(text),
    isRunIn: false,
    area: null,
    pendingUpdates: pending,
  });
  return {
    schemaVersion: 1,
    templateId: TEMPLATE.id,
    meta: {
      agency: "青禾县人民政府",
      year: 2025,
      title: "青禾县人民政府关于2025年法治政府建设情况的报告",
      mainRecipient: "青州市人民政府",
      copyTo: "",
      signature: "青禾县人民政府",
      date: "2026-01-20",
      docNumber: "青政〔2026〕2号",
      isPublic: true,
    },
    opening: emptyDoc(),
    closing: "",
    sections: [
      {
        id: "s-measures",
        kind: "measures",
        heading: "2025年推进法治政府建设的主要举措和成效",
        lead: "",
        items: [
          item("i-lead", "加强组织领导", "县政府常务会议专题研究法治政府建设4次。\n全年举办领导干部学法讲座6场，参训人员达到320人次。", [
            { id: "p-year", text: "4次", kind: "figure" },
          ]),
          item("i-review", "严格规范性文件审核", "全年制发规范性文件12件，全部经过合法性审核并按时报备。"),
        ],
        indicators: { fuyi_received: 35, fuyi_closed: 33 },
        previousIndicators: { fuyi_received: 28, fuyi_closed: 28 },
      },
      {
        id: "s-problems",
        kind: "problems",
        heading: "存在的不足和原因",
        lead: "",
        items: [item("i-gap", "", "")],
        indicators: {},
        previousIndicators: {},
      },
      {
        id: "s-duty",
        kind: "leader_duty",
        heading: "党政主要负责人履行推进法治建设第一责任人职责情况",
        lead: "",
        items: [item("i-duty", "带头尊法学法守法用法", "县政府主要负责同志带头讲法治课，全年主持学法活动4次。")],
        indicators: {},
        previousIndicators: {},
      },
      {
        id: "s-next",
        kind: "next_year",
        heading: "2026年推进法治政府建设的主要安排",
        lead: "",
        items: [item("i-next", "深化行政执法规范化建设", "推进执法全过程记录，完善裁量基准。")],
        indicators: {},
        previousIndicators: {},
      },
    ],
    commitments: [{ id: "c-1", text: "全面推行规范性文件合法性审核", status: "open", linkedItemIds: [], reason: "" }],
  };
}
