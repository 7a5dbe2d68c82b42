import { emptyDoc, textToDoc, type Report, type ReportItem, type ReportSection, type SectionKind } from "@/lib/report-model";

/** A fictional county bureau's reports, written for these tests. */
export const AGENCY = "云溪县市场监督管理局";

let counter = 0;
const id = (prefix: string) => `${prefix}${(counter += 1)}`;

export function item(heading: string, body: string, extra: Partial<ReportItem> = {}): ReportItem {
  return { id: id("i"), heading, body: textToDoc(body), isRunIn: false, area: null, pendingUpdates: [], ...extra };
}

export function section(kind: SectionKind, heading: string, items: ReportItem[], extra: Partial<ReportSection> = {}): ReportSection {
  return { id: id("s"), kind, heading, lead: "", items, indicators: {}, previousIndicators: {}, ...extra };
}

export function report(year: number, sections: ReportSection[], extra: Partial<Report["meta"]> = {}): Report {
  return {
    schemaVersion: 1,
    templateId: "county-department",
    meta: {
      agency: AGENCY,
      year,
      title: `${AGENCY}关于${year}年法治政府建设情况的报告`,
      mainRecipient: "中共云溪县委全面依法治县委员会办公室",
      copyTo: "县司法局",
      signature: AGENCY,
      date: `${year + 1}-02-18`,
      docNumber: `云市监〔${year + 1}〕7号`,
      isPublic: true,
      ...extra,
    },
    opening: emptyDoc(),
    closing: "",
    sections,
    commitments: [],
  };
}

/** Last year's report (2024) with headed plans for 2025. */
export function report2024(): Report {
  return report(2024, [
    section(
      "measures",
      "2024年法治政府建设主要举措和成效",
      [
        item(
          "深化“放管服”改革",
          "全年新登记经营主体3265户，办理“一件事一次办”事项1.2万件，企业开办时间压缩至1天。\n" +
            "严格落实《优化营商环境条例》和《云溪县2023—2024年营商环境提升行动方案》（云府办发〔2023〕41号），清理涉企收费事项12项。",
        ),
        item(
          "严格规范公正文明执法",
          "全面落实行政执法三项制度，全年办理行政处罚案件286件，罚没款426.5万元，同比下降百分之八。" + "开展执法案卷评查2次，评查案卷60份，优良率达95%。",
        ),
        item("加强普法宣传教育", "组织“3·15”消费者权益日、“12·4”国家宪法日等主题宣传活动十二场，发放宣传资料5000余份，覆盖群众2.3万人次。"),
      ],
      {
        lead: "2024年，我局在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想。",
        indicators: { chufa_cases: 286, chufa_fines: 426.5, fuyi_received: null },
      },
    ),
    section("problems", "存在的不足和原因", [
      item("", "一是执法人员力量不足，全局持证执法人员仅48名，基层所平均不足5人。二是2023年以来新修订的法规较多，学习培训仍不够深入。"),
    ]),
    section("leader_duty", "党政主要负责人履行推进法治建设第一责任人职责情况", [
      item("", "主要负责人全年主持召开党组会议专题研究法治建设工作4次，带头讲法治课1次。"),
    ]),
    section("next_year", "2025年工作安排", [
      item("持续优化法治化营商环境", "推行包容审慎监管，扩大“免罚清单”适用范围。"),
      item("提升行政执法质效。", "开展执法人员轮训，全年培训不少于40学时。"),
      item("抓好“八五”普法收官", ""),
    ]),
  ]);
}

/** A report whose plans are one run-in paragraph under an unheaded item, as imported reports often are. */
export function runInPlanReport(): Report {
  return report(2024, [
    section("measures", "主要工作情况", [item("加强组织领导", "成立法治政府建设领导小组，召开专题会议3次。")]),
    section("next_year", "2025年工作计划", [
      item(
        "",
        "2025年，我局将重点抓好以下工作：一是进一步完善重大行政决策程序，严格落实合法性审查制度。" +
          "二是加大规范性文件备案审查力度，确保应备尽备。三是推进信访工作法治化，及时就地化解矛盾纠纷。",
      ),
    ]),
  ]);
}
