import {
  docToText,
  emptyDoc,
  REPORT_SCHEMA_VERSION,
  textToDoc,
  type Commitment,
  type GangyaoArea,
  type PendingUpdate,
  type Report,
  type ReportMeta,
  type SectionKind,
} from "@/lib/report-model";
import { applyFix, validateReport, type Finding, type Rule, type ValidationContext } from "@/lib/validation";

export interface ItemSpec {
  heading?: string;
  /** Plain text; one paragraph per line. */
  body?: string;
  area?: GangyaoArea | null;
  isRunIn?: boolean;
  pendingUpdates?: PendingUpdate[];
}

export interface SectionSpec {
  kind: SectionKind;
  heading?: string;
  lead?: string;
  items?: ItemSpec[];
  indicators?: Record<string, number | null>;
}

export interface ReportSpec {
  templateId?: string;
  /** 导语 text; "" for none; a standard opening about the report year when omitted. */
  opening?: string;
  meta?: Partial<ReportMeta>;
  sections?: SectionSpec[];
  commitments?: Array<Partial<Commitment> & { text: string }>;
}

const DEFAULT_HEADINGS: Record<SectionKind, string> = {
  measures: "2024年推进法治政府建设的主要举措和成效",
  problems: "存在的不足和原因",
  leader_duty: "党政主要负责人履行推进法治建设第一责任人职责情况",
  next_year: "2025年推进法治政府建设的主要安排",
  other: "其他需要报告的情况",
};

/** A report from a compact spec, with stable ids (s0, s0i1, …). */
export function buildReport(spec: ReportSpec = {}): Report {
  const year = spec.meta?.year ?? 2024;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    templateId: spec.templateId ?? "county-government",
    meta: {
      agency: "青山县人民政府",
      year,
      title: `青山县人民政府关于${year}年度法治政府建设情况的报告`,
      mainRecipient: "中共青山县委、县人大常委会",
      copyTo: "",
      signature: "青山县人民政府",
      date: `${year + 1}-03-08`,
      docNumber: "",
      isPublic: true,
      ...spec.meta,
    },
    opening:
      spec.opening === undefined
        ? textToDoc(
            `${year}年，青山县人民政府坚持以习近平法治思想为指导，全面贯彻落实党中央、国务院关于法治政府建设的决策部署，各项工作取得新进展。现将有关情况报告如下：`,
          )
        : spec.opening
          ? textToDoc(spec.opening)
          : emptyDoc(),
    closing: "",
    sections: (spec.sections ?? []).map((section, sectionIndex) => ({
      id: `s${sectionIndex}`,
      kind: section.kind,
      heading: section.heading ?? DEFAULT_HEADINGS[section.kind],
      lead: section.lead ?? "",
      items: (section.items ?? []).map((item, itemIndex) => ({
        id: `s${sectionIndex}i${itemIndex}`,
        heading: item.heading ?? "",
        body: textToDoc(item.body ?? ""),
        isRunIn: item.isRunIn ?? false,
        area: item.area ?? null,
        pendingUpdates: item.pendingUpdates ?? [],
      })),
      indicators: section.indicators ?? {},
      previousIndicators: {},
    })),
    commitments: (spec.commitments ?? []).map((commitment, index) => ({
      id: `c${index}`,
      status: "open",
      linkedItemIds: [],
      reason: "",
      ...commitment,
    })),
  };
}

/** One part with one item: the shape most rule tests need. */
export function reportWithBody(body: string, options: { kind?: SectionKind; heading?: string; meta?: Partial<ReportMeta> } = {}): Report {
  return buildReport({
    meta: options.meta,
    sections: [{ kind: options.kind ?? "measures", items: [{ heading: options.heading ?? "推进严格规范公正文明执法", body }] }],
  });
}

/** The findings of one rule. */
export function findingsOf(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId);
}

/** The text a finding's range points at, in its field's plain text. */
export function rangeText(text: string, finding: Finding): string {
  const range = finding.location.range;
  return range ? text.slice(range.from, range.to) : "";
}

/** A complete, well-written county report that every rule accepts (the baseline for negative cases). */
export function cleanReportSpec(): ReportSpec {
  return {
    sections: [
      {
        kind: "measures",
        items: [
          {
            heading: "深入学习贯彻习近平法治思想，健全法治政府建设推进机制",
            area: "lingdao",
            body: "县政府常务会议全年集体学法12次，专题研究法治政府建设议题5项，将法治建设成效纳入乡镇和部门年度绩效考核。",
          },
          {
            heading: "依法全面履行政府职能",
            area: "zhineng",
            body: "深化“放管服”改革，调整县级权责清单事项236项，实行证明事项告知承诺制的事项达到58项，企业开办时间压缩至1个工作日。",
          },
          { heading: "完善依法行政制度体系", area: "zhidu", body: "全年制发行政规范性文件14件，全部经过合法性审核，并在公布后30日内报送备案。" },
          {
            heading: "推进行政决策科学化民主化法治化",
            area: "juece",
            body: "公布年度重大行政决策事项目录，8项决策事项全部履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。",
          },
          { heading: "推进严格规范公正文明执法", area: "zhifa", body: "全面落实行政执法“三项制度”，组织行政执法案卷评查2次，评查案卷320卷，整改问题41个。" },
          { heading: "依法预防处置重大突发事件", area: "tufa", body: "修订《青山县突发事件总体应急预案》，开展防汛抢险综合演练3次，参演人员600余人次。" },
          {
            heading: "健全社会矛盾纠纷行政预防调处化解体系",
            area: "jiufen",
            body: "全年收到行政复议申请46件，审结44件；行政诉讼案件31件，行政机关负责人出庭应诉31件。",
          },
          {
            heading: "强化行政权力制约和监督",
            area: "jiandu",
            body: "办理人大代表建议87件、政协委员提案112件，按期办结率均为100%，主动公开政府信息2100余条。",
          },
          {
            heading: "加快推进数字法治政府建设",
            area: "shuzi",
            body: "依托省一体化政务服务平台，实现1260个政务服务事项网上可办，行政执法监督平台归集执法案件5400余件。",
          },
        ],
        indicators: { fuyi_received: 46, fuyi_closed: 44, susong_cases: 31, susong_lost: 2, susong_heads_appear: 31 },
      },
      {
        kind: "problems",
        items: [
          {
            body: "一是基层综合行政执法力量不足，部分乡镇执法人员持证率偏低。二是重大行政决策后评估开展不够。究其原因，主要是对法治政府建设的系统性认识还不到位，基层法治工作力量和经费保障不足。",
          },
        ],
      },
      {
        kind: "leader_duty",
        items: [{ body: "县长认真履行推进法治建设第一责任人职责，主持召开县政府常务会议专题研究法治政府建设4次，带头出庭应诉2次，年终向县委述法。" }],
        indicators: { xuefa_sessions: 12 },
      },
      {
        kind: "next_year",
        items: [{ body: "一是深入学习宣传贯彻习近平法治思想。二是加强乡镇综合行政执法队伍建设，执法人员持证率达到95%以上。三是全面开展重大行政决策后评估。" }],
      },
      { kind: "other", items: [{ body: "无。" }] },
    ],
  };
}

/** Plain text of the field a location points into. */
export function fieldText(report: Report, location: Finding["location"]): string {
  const section = report.sections.find((candidate, index) => (location.sectionId ? candidate.id === location.sectionId : index === location.sectionIndex));
  const item = section?.items.find((candidate, index) => (location.itemId ? candidate.id === location.itemId : index === location.itemIndex));
  switch (location.field) {
    case "title":
      return report.meta.title;
    case "mainRecipient":
      return report.meta.mainRecipient;
    case "signature":
      return report.meta.signature;
    case "opening":
      return docToText(report.opening);
    case "sectionHeading":
      return section?.heading ?? "";
    case "lead":
      return section?.lead ?? "";
    case "itemHeading":
      return item?.heading ?? "";
    case "body":
      return item ? docToText(item.body) : "";
    default:
      return "";
  }
}

/** Runs one rule the way validateReport does. */
export function runRule(rule: Rule, report: Report, context: ValidationContext = {}): Finding[] {
  return validateReport(report, context, [rule]);
}

/** The field's text after applying a finding's fix. */
export function textAfterFix(report: Report, finding: Finding): string {
  if (!finding.fix) throw new Error(`finding of ${finding.ruleId} has no fix`);
  return fieldText(applyFix(report, finding.fix), finding.location);
}
