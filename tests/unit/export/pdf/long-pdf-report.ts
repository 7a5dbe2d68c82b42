import { docToText, reportSchema, textToDoc, type Report } from "@/lib/report-model";

// Written for these tests: clauses recombined deterministically into long, punctuation-dense paragraphs.
const SUBJECTS = ["县司法局", "各乡镇人民政府", "县市场监管局", "县政府办公室", "县自然资源局", "县应急管理局", "县人力社保局"];
const ACTIONS = [
  "牵头修订《行政规范性文件管理办法》",
  "组织开展“法治宣传进万家”主题活动",
  "对照年度清单逐项核查（共计47项）",
  "完成合法性审核128件、备案审查36件",
  "建立“首违不罚”清单制度",
  "推行说理式执法文书",
  "落实重大行政决策公众参与、专家论证、风险评估程序",
  "开展行政执法人员资格清理，注销证件21本",
];
const RESULTS = [
  "行政复议纠错率下降到3.2%",
  "群众满意度明显提升",
  "执法争议同比减少近三成",
  "形成可复制的经验做法",
  "相关做法被《法治日报》报道",
  "问题整改率达到100%",
];

function sentence(seed: number): string {
  const subject = SUBJECTS[seed % SUBJECTS.length]!;
  const first = ACTIONS[(seed * 3) % ACTIONS.length]!;
  const second = ACTIONS[(seed * 5 + 1) % ACTIONS.length]!;
  const result = RESULTS[(seed * 7) % RESULTS.length]!;
  const ending = seed % 4 === 0 ? "！" : seed % 5 === 0 ? "；" : "。";
  return `${subject}${first}，${second}；${result}${ending}`;
}

function paragraphText(seed: number, sentences: number): string {
  return Array.from({ length: sentences }, (_, index) => sentence(seed * 11 + index)).join("");
}

/** A report with about `targetChars` characters of body text, in four parts with items. */
export function longPdfReport(targetChars = 10_000): Report {
  const sections = [];
  let total = 0;
  let seed = 1;
  for (let sectionIndex = 0; sectionIndex < 4; sectionIndex += 1) {
    const items = [];
    for (let itemIndex = 0; itemIndex < 4 && total < targetChars; itemIndex += 1) {
      const lines = [paragraphText(seed++, 4), paragraphText(seed++, 3), paragraphText(seed++, 5)];
      const body = textToDoc(lines.join("\n"));
      total += docToText(body).length;
      items.push({ id: `l${sectionIndex}x${itemIndex}`, heading: `第${itemIndex + 1}项重点工作推进情况`, body, isRunIn: itemIndex % 2 === 1 });
    }
    sections.push({ id: `ls${sectionIndex}`, kind: "measures", heading: `第${sectionIndex + 1}部分工作情况`, lead: "", items });
  }
  return reportSchema.parse({
    schemaVersion: 1,
    templateId: "county-government",
    meta: {
      agency: "青禾县人民政府",
      year: 2024,
      title: "青禾县人民政府关于2024年度法治政府建设情况的报告",
      mainRecipient: "市人民政府",
      signature: "青禾县人民政府",
      date: "2025-03-08",
    },
    sections,
  });
}
