/**
 * Real-shaped report endings for the 署名 page rules (GB/T 9704 7.3.5), written for the tests (not copied from a
 * published report): the county fixture with part 四's last paragraph lengthened so that it ends on the last lines
 * of a page, too long (over 8 lines) to move to the next page with the 署名 and 成文日期.
 */
import type { Report } from "@/lib/report-model";

/** Nine lines: part 四's last paragraph of the county report with eight more clauses; ends on page 4's last line. */
export const NINE_LINES = `，${"推动各项任务落地见效，".repeat(8).replace(/，$/, "。")}`;

/** A plan paragraph of twenty lines, written for this test in the shape of a county's 下一年度工作安排. */
export const PLAN = [
  "2026年，我县将继续深入学习贯彻习近平法治思想，紧紧围绕县委、县政府中心工作，统筹推进法治政府建设各项任务。",
  "一是持续深化行政执法体制改革，推动执法力量向乡镇和基层一线下沉，健全乡镇综合行政执法队伍，全年组织执法人员轮训不少于2次；",
  "二是进一步规范重大行政决策程序，严格落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定等法定程序，建立重大行政决策事项目录动态调整机制；",
  "三是加强行政复议规范化建设，落实行政复议案件繁简分流机制，提高案件审理质量和效率，发挥行政复议化解行政争议主渠道作用；",
  "四是深入推进严格规范公正文明执法，全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，开展行政执法案卷评查，评查结果纳入年度法治建设考核；",
  "五是加强规范性文件监督管理，做好规范性文件备案审查和定期清理工作；",
  "六是深入开展“八五”普法总结验收和“九五”普法规划编制工作，落实“谁执法谁普法”普法责任制，推进法治乡村建设，培育农村学法用法示范户；",
  "七是加强法治工作队伍建设，充实基层司法所工作力量，推进公职律师工作全覆盖；八是强化法治政府建设督察，对考核排名靠后的单位进行约谈，督促问题整改到位；",
  "九是完善法治建设考核评价体系，科学设置考核指标，把法治建设成效作为衡量领导班子和领导干部工作实绩的重要内容。",
].join("");

/** The paragraph before the plan, so that the plan ends on the last lines of page 5. */
export const PLAN_LEAD =
  "对照《法治政府建设实施纲要（2021—2025年）》和省、市部署，县政府逐项梳理了本县法治政府建设的短板弱项，形成问题清单、任务清单和责任清单，明确牵头单位和完成时限。各乡镇、各部门要把法治政府建设摆在工作全局的重要位置，主要负责人要切实履行第一责任人职责，对重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办，每半年向县政府报告一次工作进展。县委依法治县办要加强统筹协调和督促指导，定期通报各单位任务完成情况，对推进不力的单位及时提醒约谈，推动各项任务落地见效，确保各项目标任务如期完成，以法治政府建设的新成效推动全县经济社会高质量发展。";

/** The county report without its 结束语, part 四's last paragraph changed by `change`, with or without its 版记. */
export function ending(county: Report, change: (paragraph: string) => string[], hasImprint: boolean): Report {
  const sections = county.sections.map((section) => {
    if (section.kind !== "next_year") return section;
    const items = section.items.map((item) => {
      const content = item.body.content.flatMap((node, index) => {
        if (index !== item.body.content.length - 1 || node.type !== "paragraph" || !node.content) return [node];
        const text = node.content.map((inline) => inline.text ?? "").join("");
        return change(text).map((paragraph) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text: paragraph }] }));
      });
      return { ...item, body: { ...item.body, content } };
    });
    return { ...section, items };
  });
  return { ...county, closing: "", sections, meta: { ...county.meta, copyTo: hasImprint ? county.meta.copyTo : "" } };
}

export const nineLines = (text: string) => [text.replace(/。$/, NINE_LINES)];
export const twentyLines = () => [PLAN_LEAD, PLAN];
