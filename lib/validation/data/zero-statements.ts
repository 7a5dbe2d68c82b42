import type { IndicatorId } from "@/lib/report-model";

/** Words by which the text names what an indicator counts. */
export const INDICATOR_TOPICS: Partial<Record<IndicatorId, string>> = {
  fuyi_received: "行政复议",
  fuyi_closed: "行政复议",
  susong_cases: "行政诉讼|行政应诉|应诉案件",
  susong_lost: "行政诉讼|行政应诉|败诉",
  susong_heads_appear: "行政诉讼|行政应诉|出庭应诉",
  chufa_cases: "行政处罚",
  chufa_fines: "罚没|罚款",
  guifan_issued: "规范性文件",
  guifan_filed: "规范性文件",
  guifan_reviewed: "规范性文件|合法性审核",
  guwen_count: "法律顾问",
  xuefa_sessions: "学法",
  xinfang_received: "信访",
  xinfang_closed: "信访",
};

const CLAUSE_START = "(?:^|[，。；：、\\n]|全年|本年度|年度内|年内|今年|当年|我局|本局|我委|我单位|本单位|我镇|本镇|我县|我市|我区|我街道)";
const NONE = "(?:未发生|未发|没有发生|未出现|未收到|未受理|未办理|未涉及|无|没有)";
const ZERO = "(?:为零|为0|为“零”|实现“零”|零发生|均为0|均为零|0件|0起|0次|零件|零起)(?![\\d.])";

/** Sentences that state a zero for the topic: "未发生行政诉讼案件", "无行政复议及行政诉讼", "行政诉讼案件为0". */
export function zeroStatementPattern(topic: string): RegExp {
  return new RegExp(`${CLAUSE_START}(?:共|均|全年)?${NONE}[^。；，,]{0,12}(?:${topic})|(?:${topic})[^。；]{0,12}${ZERO}`);
}
