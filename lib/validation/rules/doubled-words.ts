import type { Report, ReportLocation } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { isHan, quoted } from "../text/chars";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "doubled-words";
/** Function characters that never double in standard Chinese ("的的", "在在"); content words like 常常、人人 do. */
const NEVER_DOUBLED = new Set([..."的了在和与及对将把被从于并以按向由其该已所之而或即则但因为"]);
/** Idioms in which one of those characters legitimately doubles. */
const DOUBLED_IDIOMS = ["不了了之", "的的确确"];
/** Words ending in one of those characters: "目的的", "为了了解", "针对对象", "认为为" are word + word, not slips. */
const WORDS_ENDING_IN_FUNCTION_CHARACTER = new Set(
  (
    "目的 有的 为了 除了 到了 存在 现在 正在 实在 所在 自在 内在 外在 潜在 总和 温和 缓和 共和 平和 参与 给与 以及 涉及 危及 普及 顾及 " +
    "波及 惠及 不及 针对 面对 应对 相对 绝对 核对 比对 反对 即将 必将 终将 服从 自从 适从 对于 关于 由于 属于 等于 处于 位于 基于 " +
    "在于 便于 利于 善于 敢于 勇于 乐于 易于 忠于 源于 用于 至于 鉴于 缘于 理由 自由 经由 因由 尤其 及其 与其 极其 应该 业已 而已 " +
    "早已 不已 场所 住所 处所 诊所 所以 可以 予以 加以 难以 得以 用以 借以 足以 据以 总之 从而 进而 继而 因而 然而 反而 或者 立即 " +
    "随即 当即 原则 规则 细则 否则 准则 总则 法则 守则 实则 不但 非但 原因 起因 诱因 成因 基因 认为 作为 成为 行为 称为 视为 因为 " +
    "以为 较为 更为 极为 尤为 最为 广为 大为 有为 无为 人为 方向 倾向 意向 面向 导向 志向 去向 走向 定向 一把 合并 兼并 吞并 按按"
  ).split(" "),
);
/** Measure words of counting reduplication ("一个一个", "一步一步"). */
const COUNTERS = new Set([..."个步件项家户条次批点滴天年月层级所村人"]);
/** Verbs whose ABAB form is a real, tentative reduplication ("研究研究"). */
const REDUPLICATING_VERBS = new Set([
  "研究",
  "讨论",
  "学习",
  "考虑",
  "商量",
  "了解",
  "交流",
  "检查",
  "调查",
  "休息",
  "锻炼",
  "准备",
  "整理",
  "比较",
  "分析",
  "总结",
  "琢磨",
  "熟悉",
  "体验",
  "感受",
  "活动",
  "沟通",
  "协调",
  "请教",
  "介绍",
  "说明",
  "解释",
  "思考",
  "梳理",
  "盘点",
]);
/** Before a tentative reduplication: a modal or adverb that asks for it ("要研究研究", "再讨论讨论"). */
const TENTATIVE_BEFORE = /(?:要|再|好好|来|去|多|一起|认真|需要|应该|让|请|帮|得|先|都)$/;
/** After it: a pause or 一下 ends the tentative phrase. */
const TENTATIVE_AFTER = /^(?:[，。；！？、]|一下|再|吧|看|$)/;

function isAllHan(text: string): boolean {
  for (const char of text) if (!isHan(char)) return false;
  return true;
}

function isLegitimateRepeat(text: string, from: number, unit: string): boolean {
  if (unit.length === 1) {
    if (!NEVER_DOUBLED.has(unit)) return true;
    if (WORDS_ENDING_IN_FUNCTION_CHARACTER.has((text[from - 1] ?? "") + unit)) return true;
    // AABB forms: 实实在在, 的的确确
    if (text[from - 1] !== undefined && text[from - 1] === text[from - 2]) return true;
    if (text[from + 2] !== undefined && text[from + 2] === text[from + 3]) return true;
    return DOUBLED_IDIOMS.some((idiom) => {
      const at = text.indexOf(idiom, Math.max(0, from - idiom.length));
      return at !== -1 && at <= from && from < at + idiom.length;
    });
  }
  // 一个一个, 一步一步: counting reduplication
  if (unit.length === 2 && unit[0] === "一" && COUNTERS.has(unit[1]!)) return true;
  if (REDUPLICATING_VERBS.has(unit)) {
    const end = from + unit.length * 2;
    return TENTATIVE_BEFORE.test(text.slice(Math.max(0, from - 3), from)) || TENTATIVE_AFTER.test(text.slice(end, end + 2));
  }
  return false;
}

/** Han ideographs by code unit (the ranges of `HAN`), without a regex per character. */
function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function repeatsAt(text: string, from: number, length: number): boolean {
  if (from + 2 * length > text.length) return false;
  for (let offset = 0; offset < length; offset += 1) if (text.charCodeAt(from + offset) !== text.charCodeAt(from + length + offset)) return false;
  return true;
}

/** Adjacent repeats of the same 1–4 Han characters that are typing slips ("执法执法", "的的"). */
export function findDoubledWords(text: string): Array<{ from: number; unit: string }> {
  const found: Array<{ from: number; unit: string }> = [];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // Cheap pre-check without allocating: a repeat of length L needs text[index] === text[index + L].
    if (
      code !== text.charCodeAt(index + 1) &&
      code !== text.charCodeAt(index + 2) &&
      code !== text.charCodeAt(index + 3) &&
      code !== text.charCodeAt(index + 4)
    )
      continue;
    if (!isHanCode(code)) continue;
    for (let length = 4; length >= 1; length -= 1) {
      if (code !== text.charCodeAt(index + length) || !repeatsAt(text, index, length)) continue;
      const unit = text.slice(index, index + length);
      if (!isAllHan(unit)) continue;
      if (isLegitimateRepeat(text, index, unit)) break;
      found.push({ from: index, unit });
      index += 2 * length - 1;
      break;
    }
  }
  return found;
}

function checkField(location: ReportLocation, text: string): Finding[] {
  return findDoubledWords(text).map(({ from, unit }) => {
    const second = from + unit.length;
    return {
      ruleId: RULE_ID,
      severity: "warning",
      message: `${quoted(unit + unit)}中${quoted(unit)}重复了一次，可能是录入时多打。`,
      location: withRange(location, from, second + unit.length),
      fix: replaceFix(`删除重复的${quoted(unit)}`, location, second, second + unit.length, ""),
    };
  });
}

/** Proofreading: a character or word typed twice in a row. */
export const doubledWordsRule: Rule = {
  id: RULE_ID,
  title: "字词重复",
  check(report: Report): Finding[] {
    return listFieldTexts(report).flatMap(({ location, text }) => checkField(location, text));
  },
};
