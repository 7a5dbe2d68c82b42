import type { Severity } from "../types";

/** A term whose rightness depends on the report year (/work/shared/domain/dated-terms.md). */
export interface DatedTerm {
  id: string;
  /** Global pattern of the mention. */
  pattern: RegExp;
  /** First report year in which the mention is a defect. */
  fromYear?: number;
  /** Last report year in which the mention is a defect. */
  toYear?: number;
  /** The sentence around the mention makes it legitimate (a 总结验收 of the old plan, planning the new one). */
  exemptSentence?: RegExp;
  /** Parts where the mention is legitimate (the plan part may name next year's plan). */
  exemptParts?: ReadonlyArray<"measures" | "problems" | "leader_duty" | "next_year" | "other">;
  severity: Severity;
  /** Chinese message; `{year}` is the report year. */
  message: string;
  /** Replacement of the matched text by report year, when one is certain. */
  replacement?: (year: number) => string | undefined;
  /** The fact and its authority. */
  source: string;
}

const PUFA_PLANS: ReadonlyArray<{ name: string; from: number; to: number }> = [
  { name: "六五", from: 2011, to: 2015 },
  { name: "七五", from: 2016, to: 2020 },
  { name: "八五", from: 2021, to: 2025 },
];

/** The 普法 plan in force in `year`, when it is known (九五 from 2026 is expected, not yet confirmed here). */
export function pufaPlanOf(year: number): string | undefined {
  return PUFA_PLANS.find((plan) => year >= plan.from && year <= plan.to)?.name;
}

const SUMMARY_OF_OLD_PLAN = /总结|验收|收官|表彰|圆满完成|顺利完成|回顾|期间|以来|成果|近年来|多年来|近几年/;
const PLANNING_NEW_PLAN = /谋划|编制|制定|起草|启动|筹备|部署|印发|规划|即将|迎接|准备/;
const YEAR_RANGE = "\\s*[－—\\-–~～至]\\s*";

export const DATED_TERMS: readonly DatedTerm[] = [
  {
    id: "pufa-qiwu-stale",
    pattern: /[“"]?七五[”"]?\s*普法/g,
    fromYear: 2021,
    exemptSentence: SUMMARY_OF_OLD_PLAN,
    severity: "warning",
    message: "“七五”普法规划（2016－2020年）已经结束，{year}年处于“{plan}”普法期间。如系沿用往年报告，请改为“{plan}”普法；如是总结验收“七五”普法，可忽略。",
    replacement: (year) => (pufaPlanOf(year) === "八五" ? "“八五”普法" : undefined),
    source: "中共中央、国务院转发《中央宣传部、司法部关于开展法治宣传教育的第八个五年规划（2021－2025年）》（2021年6月）",
  },
  {
    id: "pufa-liuwu-stale",
    pattern: /[“"]?六五[”"]?\s*普法/g,
    fromYear: 2016,
    exemptSentence: SUMMARY_OF_OLD_PLAN,
    severity: "warning",
    message: "“六五”普法规划（2011－2015年）早已结束，{year}年处于“{plan}”普法期间，请核对。",
    replacement: (year) => {
      const plan = pufaPlanOf(year);
      return plan ? `“${plan}”普法` : undefined;
    },
    source: "中共中央、国务院转发《中央宣传部、司法部关于在公民中开展法治宣传教育的第七个五年规划（2016－2020年）》（2016年4月）",
  },
  {
    id: "pufa-bawu-early",
    pattern: /[“"]?八五[”"]?\s*普法/g,
    toYear: 2020,
    exemptSentence: PLANNING_NEW_PLAN,
    exemptParts: ["next_year"],
    severity: "warning",
    message: "“八五”普法规划自2021年起实施，{year}年度报告中的普法工作应属“七五”普法，请核对。",
    replacement: (year) => (pufaPlanOf(year) === "七五" ? "“七五”普法" : undefined),
    source: "《关于开展法治宣传教育的第八个五年规划（2021－2025年）》",
  },
  {
    id: "pufa-bawu-after",
    pattern: /[“"]?八五[”"]?\s*普法/g,
    fromYear: 2026,
    exemptSentence: SUMMARY_OF_OLD_PLAN,
    severity: "info",
    message: "“八五”普法规划到2025年结束。如“九五”普法规划已经印发，{year}年度报告应写“九五”普法；如是总结“八五”普法，可忽略。",
    source: "《关于开展法治宣传教育的第八个五年规划（2021－2025年）》规划期",
  },
  {
    id: "gangyao-2015-stale",
    pattern: new RegExp(`法治政府建设实施纲要[（(]2015${YEAR_RANGE}2020年?[）)]`, "g"),
    fromYear: 2021,
    exemptSentence: SUMMARY_OF_OLD_PLAN,
    severity: "warning",
    message: "《法治政府建设实施纲要（2015－2020年）》已到期，{year}年度的法治政府建设应对照《法治政府建设实施纲要（2021－2025年）》，请核对。",
    source: "中共中央、国务院印发《法治政府建设实施纲要（2021－2025年）》（2021年8月）",
  },
  {
    id: "gangyao-2021-early",
    pattern: new RegExp(`法治政府建设实施纲要[（(]2021${YEAR_RANGE}2025年?[）)]`, "g"),
    toYear: 2020,
    exemptParts: ["next_year"],
    severity: "warning",
    message: "《法治政府建设实施纲要（2021－2025年）》2021年8月才印发，{year}年度的工作应对照《法治政府建设实施纲要（2015－2020年）》，请核对。",
    source: "中共中央、国务院印发《法治政府建设实施纲要（2021－2025年）》（2021年8月）",
  },
  {
    id: "xi-rule-of-law-thought-early",
    pattern: /习近平法治思想/g,
    toYear: 2019,
    severity: "warning",
    message: "“习近平法治思想”是2020年11月中央全面依法治国工作会议确立的提法，{year}年度报告应写“习近平总书记全面依法治国新理念新思想新战略”。",
    source: "中央全面依法治国工作会议（2020年11月）",
  },
  {
    id: "xi-new-concepts-stale",
    pattern: /习近平总书记(?:关于)?全面依法治国新理念新思想新战略/g,
    fromYear: 2021,
    severity: "info",
    message: "2020年11月中央全面依法治国工作会议确立了“习近平法治思想”，{year}年度报告一般写“深入学习贯彻习近平法治思想”。",
    replacement: () => "习近平法治思想",
    source: "中央全面依法治国工作会议（2020年11月）",
  },
  {
    id: "civil-code-early",
    pattern: /民法典/g,
    toYear: 2019,
    severity: "warning",
    message: "《民法典》2020年5月通过、2021年1月1日施行，{year}年度报告中不应出现，请核对。",
    source: "《中华人民共和国民法典》（2020年5月28日通过）",
  },
  {
    id: "fazhi-zhongguo-plan-early",
    pattern: new RegExp(`法治中国建设规划[（(]2020${YEAR_RANGE}2025年?[）)]`, "g"),
    toYear: 2019,
    severity: "warning",
    message: "《法治中国建设规划（2020－2025年）》2021年1月才印发，{year}年度报告中不应出现，请核对。",
    source: "中共中央印发《法治中国建设规划（2020－2025年）》（2021年1月）",
  },
  {
    id: "fazhi-shehui-outline-early",
    pattern: new RegExp(`法治社会建设实施纲要[（(]2020${YEAR_RANGE}2025年?[）)]`, "g"),
    toYear: 2019,
    severity: "warning",
    message: "《法治社会建设实施纲要（2020－2025年）》2020年12月才印发，{year}年度报告中不应出现，请核对。",
    source: "中共中央印发《法治社会建设实施纲要（2020－2025年）》（2020年12月）",
  },
  {
    id: "business-environment-regulation-early",
    pattern: /优化营商环境条例/g,
    toYear: 2018,
    severity: "warning",
    message: "国务院《优化营商环境条例》2019年10月公布、2020年1月1日施行，{year}年度报告中不应出现，请核对。",
    source: "《优化营商环境条例》（国务院令第722号）",
  },
  {
    id: "major-decision-regulation-early",
    pattern: /重大行政决策程序暂行条例/g,
    toYear: 2018,
    severity: "warning",
    message: "《重大行政决策程序暂行条例》2019年9月1日施行，{year}年度报告中不应出现，请核对。",
    source: "《重大行政决策程序暂行条例》（国务院令第713号）",
  },
  {
    id: "punishment-law-revision-early",
    pattern: /(?:新修订|修订后|新修改)的?《?(?:中华人民共和国)?行政处罚法》?/g,
    toYear: 2020,
    severity: "warning",
    message: "修订后的《行政处罚法》2021年7月15日施行，{year}年度报告中不应称“新修订”，请核对。",
    source: "《中华人民共和国行政处罚法》（2021年1月22日修订）",
  },
  {
    id: "reconsideration-law-revision-early",
    pattern: /(?:新修订|修订后|新修改)的?《?(?:中华人民共和国)?行政复议法》?/g,
    toYear: 2022,
    severity: "warning",
    message: "修订后的《行政复议法》2024年1月1日施行，{year}年度报告中不应称“新修订”，请核对。",
    source: "《中华人民共和国行政复议法》（2023年9月1日修订）",
  },
  {
    id: "saohei-campaign-stale",
    pattern: /扫黑除恶专项斗争/g,
    fromYear: 2022,
    exemptSentence: /收官|总结|成果|巩固|以来|期间/,
    severity: "info",
    message: "扫黑除恶专项斗争2021年起转入常态化，{year}年度报告一般写“常态化扫黑除恶斗争”。",
    replacement: () => "常态化扫黑除恶斗争",
    source: "全国扫黑除恶专项斗争总结表彰大会（2021年3月）",
  },
];
