import type { SectionKind } from "@/lib/report-model";

export interface KindGuess {
  kind: SectionKind;
  /** The heading's wording decided it (true) or only the content did (false). */
  isCertain: boolean;
  /** The heading names problems and plans together ("存在问题和下一步工作"). */
  isCombined: boolean;
}

/**
 * The statutory leader-duty part is about the principal leader's own duty: 第一责任人, or the 主要负责人 /
 * 主要领导 / 一把手 with their 职责 or 责任. "加强组织领导" or "坚持党的领导" is leadership in general: a measure.
 */
const LEADER = /第一责任人|(党政)?主要(负责人|负责同志|领导)[^，。；]{0,16}(职责|责任|履职|述法)|一把手[^，。；]{0,10}(职责|责任)/;
const GENERAL_LEADERSHIP = /(加强|强化|坚持|健全|完善|落实)[^，。；]{0,8}(党的|党对[^，。；]{0,12}的|组织|统一)领导|领导(机制|体制|小组)/;
/** A sentence whose subject is the principal leader ("局党组书记、局长带头……"). */
const LEADER_SUBJECT = /^(\d{4}年[，,]?)?[^，。；]{0,12}(党政主要负责人|主要负责人|主要负责同志|主要领导|党组书记|党委书记|第一责任人|(局|县|区|市|镇|乡)长)/;
const PROBLEMS = /存在的?(主要)?(问题|不足|困难|短板)|问题(和|与|及)?(不足|困难|原因|短板)|不足(之处|和原因|及原因)?$|薄弱环节|差距和不足|困难和问题/;
const PLANS =
  /下一步|下一年|下阶段|明年|今后|\d{4}\s*年.{0,10}(计划|打算|安排|思路|重点|目标|设想)|工作(计划|打算|安排|思路|设想)|(主要|工作)?(安排|打算)$|整改(措施|方向)|改进(措施|方向)|努力方向|下步/;
const MEASURES = /举措|成效|开展情况|工作情况|建设情况|主要(工作|做法)|工作(开展|完成|落实|推进)|做法|亮点|成绩|进展|落实情况|基本情况|主要措施/;
const OTHER = /其他|其它|需要报告/;

const PROBLEM_WORDS = /不够|不足|有待|仍然存在|仍存在|还存在|薄弱|欠缺|滞后|差距|短板|不到位|不高|不强/g;
const PLAN_WORDS = /将|继续|进一步|计划|力争|着力|持续|下一步|明年|确保/g;

/** Maps a top-level part to a kind by its heading's wording; falls back to its content, then to measures. */
export function classifyKind(heading: string, content: string): KindGuess {
  const hasProblems = PROBLEMS.test(heading);
  const hasPlans = PLANS.test(heading);
  if (LEADER.test(heading)) return { kind: "leader_duty", isCertain: true, isCombined: false };
  if (GENERAL_LEADERSHIP.test(heading) && !hasProblems && !hasPlans) return { kind: "measures", isCertain: true, isCombined: false };
  if (hasProblems && hasPlans) return { kind: "problems", isCertain: true, isCombined: true };
  if (hasProblems) return { kind: "problems", isCertain: true, isCombined: false };
  if (hasPlans) return { kind: "next_year", isCertain: true, isCombined: false };
  if (OTHER.test(heading)) return { kind: "other", isCertain: true, isCombined: false };
  if (MEASURES.test(heading)) return { kind: "measures", isCertain: true, isCombined: false };
  return { kind: guessFromContent(content), isCertain: false, isCombined: false };
}

function guessFromContent(content: string): SectionKind {
  const sample = content.slice(0, 3000);
  const length = Math.max(sample.length, 1);
  const problemDensity = (sample.match(PROBLEM_WORDS)?.length ?? 0) / length;
  const planDensity = (sample.match(PLAN_WORDS)?.length ?? 0) / length;
  if (isAboutLeader(sample)) return "leader_duty";
  if (problemDensity > 0.008 && problemDensity >= planDensity) return "problems";
  if (planDensity > 0.012) return "next_year";
  return "measures";
}

/** Where plans begin inside a combined problems/plans part: a clause naming the next steps. */
export const PLAN_START = /(下一步|今后|明年|下阶段|\d{4}\s*年[，,]?\s*(我|本)|为此|针对(上述|以上|这些)问题|为谋好|主要做好以下|重点(抓好|做好)以下)/;

/** Splits a combined heading "存在问题和下一步工作" into its two halves. */
export function splitCombinedHeading(heading: string): [string, string] | undefined {
  const match = /^(.*?(?:问题|不足|困难|短板|原因))\s*(?:和|及|与|、|以及|暨)\s*(.+)$/.exec(heading);
  if (!match || !PLANS.test(match[2]!)) return undefined;
  return [match[1]!, match[2]!];
}

/** A short line that by itself names a part ("存在的问题"), used when the copy lost all numerals. */
export function isKindHeading(text: string): boolean {
  if (text.length > 40 || /[。；，,]/.test(text)) return false;
  return LEADER.test(text) || PROBLEMS.test(text) || PLANS.test(text) || /主要举措|举措和成效|工作开展情况/.test(text);
}

/** Most sentences have the principal leader as their subject, and the text speaks of the leader's own duty. */
function isAboutLeader(text: string): boolean {
  if (!LEADER.test(text)) return false;
  const sentences = text
    .split(/[。！？\n]/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 6);
  if (sentences.length === 0) return false;
  const aboutLeader = sentences.filter((sentence) =>
    LEADER_SUBJECT.test(sentence.replace(/^([一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])/, "")),
  ).length;
  return aboutLeader / sentences.length >= 0.5;
}
