/** Typed figures a template attaches to a part of the report. */
export interface IndicatorDefinition {
  id: string;
  label: string;
  unit: string;
  /** @default true — counts of cases and sessions are whole numbers. */
  isInteger: boolean;
  /** Area of the 纲要 the figure evidences. */
  group: string;
}

export const INDICATORS = [
  { id: "fuyi_received", label: "行政复议收案", unit: "件", isInteger: true, group: "行政复议" },
  { id: "fuyi_closed", label: "行政复议审结", unit: "件", isInteger: true, group: "行政复议" },
  { id: "susong_cases", label: "行政诉讼案件", unit: "件", isInteger: true, group: "行政应诉" },
  { id: "susong_lost", label: "行政诉讼败诉", unit: "件", isInteger: true, group: "行政应诉" },
  { id: "susong_heads_appear", label: "负责人出庭应诉", unit: "件", isInteger: true, group: "行政应诉" },
  { id: "chufa_cases", label: "行政处罚案件", unit: "件", isInteger: true, group: "行政执法" },
  { id: "chufa_fines", label: "罚没金额", unit: "万元", isInteger: false, group: "行政执法" },
  { id: "guifan_issued", label: "制发规范性文件", unit: "件", isInteger: true, group: "规范性文件" },
  { id: "guifan_filed", label: "规范性文件报备", unit: "件", isInteger: true, group: "规范性文件" },
  { id: "guifan_reviewed", label: "合法性审核", unit: "件", isInteger: true, group: "规范性文件" },
  { id: "guwen_count", label: "法律顾问", unit: "名", isInteger: true, group: "法律顾问" },
  { id: "xuefa_sessions", label: "领导班子学法", unit: "次", isInteger: true, group: "学法用法" },
  { id: "xinfang_received", label: "信访受理", unit: "件", isInteger: true, group: "信访" },
  { id: "xinfang_closed", label: "信访办结", unit: "件", isInteger: true, group: "信访" },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorId = (typeof INDICATORS)[number]["id"];
export const INDICATOR_IDS = INDICATORS.map((indicator) => indicator.id) as [IndicatorId, ...IndicatorId[]];

const BY_ID = new Map<string, IndicatorDefinition>(INDICATORS.map((indicator) => [indicator.id, indicator]));

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}

/** Cross-field rules: `part` can never exceed `whole`. */
export const INDICATOR_BOUNDS: ReadonlyArray<{ part: IndicatorId; whole: IndicatorId; message: string }> = [
  { part: "fuyi_closed", whole: "fuyi_received", message: "行政复议审结数不能大于收案数" },
  { part: "susong_lost", whole: "susong_cases", message: "行政诉讼败诉数不能大于案件数" },
  { part: "susong_heads_appear", whole: "susong_cases", message: "负责人出庭应诉数不能大于行政诉讼案件数" },
  { part: "guifan_filed", whole: "guifan_issued", message: "规范性文件报备数不能大于制发数" },
  { part: "xinfang_closed", whole: "xinfang_received", message: "信访办结数不能大于受理数" },
];

/** Rates that reports state in prose, derived from the indicators (percent). */
export const INDICATOR_RATES: ReadonlyArray<{ label: RegExp; part: IndicatorId; whole: IndicatorId; name: string }> = [
  { label: /(?:行政机关)?负责人出庭应诉率/, part: "susong_heads_appear", whole: "susong_cases", name: "负责人出庭应诉率" },
  { label: /(?:行政)?复议(?:案件)?(?:审结|办结)率/, part: "fuyi_closed", whole: "fuyi_received", name: "行政复议审结率" },
  { label: /信访(?:事项)?(?:办结|按期办结)率/, part: "xinfang_closed", whole: "xinfang_received", name: "信访办结率" },
  { label: /(?:规范性文件)?报备率/, part: "guifan_filed", whole: "guifan_issued", name: "规范性文件报备率" },
];
