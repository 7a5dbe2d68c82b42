import type { Severity } from "../types";

export interface FixedExpression {
  /** The expression as central documents write it. */
  correct: string;
  /** Wrong forms seen in drafts; none of them may occur inside `correct`'s own text at the same spot. */
  wrong: string[];
  severity: Severity;
  /** Why, in one clause, appended to the message. */
  note: string;
}

/** Official expressions and their common wrong forms (exact strings). */
export const FIXED_EXPRESSIONS: readonly FixedExpression[] = [
  {
    correct: "习近平法治思想",
    wrong: ["习近平法制思想", "习近平总书记法治思想", "习近平同志法治思想", "习总书记法治思想"],
    severity: "error",
    note: "这是中央全面依法治国工作会议确立的固定提法",
  },
  {
    correct: "习近平新时代中国特色社会主义思想",
    wrong: ["习近平新时代中国特色主义思想", "习近平新时代特色社会主义思想", "习近平新时代中国特色社会主义理论", "习近平中国特色社会主义思想"],
    severity: "error",
    note: "这是党章规定的固定提法",
  },
  { correct: "习近平总书记", wrong: ["习总书记"], severity: "warning", note: "正式公文中应使用规范称谓" },
  {
    correct: "中国特色社会主义法治体系",
    wrong: ["中国特色社会主义法制体系"],
    severity: "error",
    note: "“法治”与“法制”含义不同，此处为“法治”",
  },
  { correct: "法治思维和法治方式", wrong: ["法制思维和法制方式", "法治思维和法制方式", "法制思维和法治方式"], severity: "error", note: "此处为“法治”" },
  {
    correct: "法治国家、法治政府、法治社会一体建设",
    wrong: ["法治国家、法治政府、法治社会一体化建设", "法治国家、法治政府和法治社会一体建设"],
    severity: "warning",
    note: "这是党的十九大报告以来的固定提法",
  },
  { correct: "严格规范公正文明执法", wrong: ["严格规范文明公正执法", "严格公正规范文明执法", "规范公正严格文明执法"], severity: "warning", note: "四个词的顺序是固定的" },
  { correct: "“放管服”改革", wrong: ["放管服改革", "\"放管服\"改革", "放管服”改革"], severity: "warning", note: "“放管服”作为简称应加引号" },
  {
    correct: "行政执法“三项制度”",
    wrong: ["行政执法三项制度", "行政执法\"三项制度\""],
    severity: "info",
    note: "“三项制度”指行政执法公示、执法全过程记录、重大执法决定法制审核制度，作为简称应加引号",
  },
  {
    correct: "“双随机、一公开”",
    wrong: ["“双随机一公开”", "双随机一公开", "“双随机，一公开”", "双随机，一公开", "\"双随机、一公开\"", "双随机、一公开"],
    severity: "warning",
    note: "规范写法为带顿号并加引号",
  },
  { correct: "“三重一大”", wrong: ["三重一大"], severity: "info", note: "作为简称应加引号" },
  { correct: "“八五”普法", wrong: ["八五普法", "\"八五\"普法"], severity: "info", note: "作为简称应加引号" },
  { correct: "“七五”普法", wrong: ["七五普法", "\"七五\"普法"], severity: "info", note: "作为简称应加引号" },
  { correct: "“谁执法谁普法”", wrong: ["谁执法、谁普法"], severity: "info", note: "普法责任制的规范表述不加顿号" },
  {
    correct: "中央全面依法治国委员会",
    wrong: ["中央依法治国委员会", "中央全面依法治国领导委员会", "中共中央全面依法治国委员会"],
    severity: "error",
    note: "机构名称应使用全称",
  },
  {
    correct: "法治政府建设与责任落实督察工作规定",
    wrong: ["法治政府建设与责任落实督查工作规定", "法治政府建设和责任落实督察工作规定", "法治政府建设与责任落实督察规定"],
    severity: "error",
    note: "这是中共中央办公厅、国务院办公厅印发的法规名称",
  },
  {
    correct: "党政主要负责人履行推进法治建设第一责任人职责规定",
    wrong: ["党政主要负责人履行法治建设第一责任人职责规定", "党政主要负责人履行推进法治建设第一责任人规定"],
    severity: "error",
    note: "这是党内法规的名称",
  },
  {
    correct: "法治政府建设实施纲要（2021－2025年）",
    wrong: [
      "法治政府建设实施纲要(2021-2025年)",
      "法治政府建设实施纲要（2021-2025年）",
      "法治政府建设实施纲要（2021—2025年）",
      "法治政府建设实施纲要(2021—2025年)",
      "法治政府建设实施纲要（2021~2025年）",
      "法治政府建设实施纲要（2021至2025年）",
      "法治政府建设实施纲要（2021－2025）",
      "法治政府建设实施纲要（2021-2025）",
      "法治政府建设实施纲要(2021-2025)",
      "法治政府建设实施纲要（2021年-2025年）",
    ],
    severity: "warning",
    note: "文件名称应与原文一致",
  },
  {
    correct: "法治中国建设规划（2020－2025年）",
    wrong: ["法治中国建设规划(2020-2025年)", "法治中国建设规划（2020-2025年）", "法治中国建设规划（2020—2025年）", "法治中国建设规划（2020-2025）"],
    severity: "warning",
    note: "文件名称应与原文一致",
  },
  {
    correct: "法治社会建设实施纲要（2020－2025年）",
    wrong: ["法治社会建设实施纲要(2020-2025年)", "法治社会建设实施纲要（2020-2025年）", "法治社会建设实施纲要（2020—2025年）", "法治社会建设实施纲要（2020-2025）"],
    severity: "warning",
    note: "文件名称应与原文一致",
  },
  { correct: "重大行政决策程序暂行条例", wrong: ["重大行政决策程序条例", "重大行政决策暂行条例"], severity: "error", note: "这是国务院行政法规的名称" },
  { correct: "行政应诉", wrong: ["行政应讼"], severity: "error", note: "“应讼”是错别字" },
  { correct: "法治政府建设示范创建", wrong: ["法制政府建设示范创建"], severity: "error", note: "此处为“法治”" },
  { correct: "法治政府建设", wrong: ["法制政府建设"], severity: "error", note: "此处为“法治”" },
];
