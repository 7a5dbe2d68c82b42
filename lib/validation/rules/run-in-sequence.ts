import { toChineseNumeral, type Report, type ReportLocation } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { isHan } from "../text/chars";
import { chineseNumeralValue, LEVEL3_PREFIX, LEVEL4_PREFIX } from "../text/numbering";
import { splitParagraphs } from "../text/paragraphs";
import { listProseFields } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "run-in-sequence";
const NUMERAL = /^[一二三四五六七八九十]{1,3}/;
const ORDINAL = /^第([一二三四五六七八九十]{1,3})[，、,：:]/;
/** Where an enumeration marker may begin: after a clause or sentence mark. */
const MARKER_BEFORE = new Set(["。", "；", ";", "！", "？", "：", ":", "，", ","]);
/** A bare "是" is only a lost numeral at a sentence start; after a comma it is ordinary prose ("，是全省唯一……"). */
const SENTENCE_BEFORE = new Set(["。", "；", ";", "！", "？"]);
/** Characters after a numeral that make it an ordinary word ("三年来", "四个方面"), not a broken "三是". */
const NOT_BROKEN = new Set([..."年个项次条件名家月天日大级类种批期届季方点位成倍人只些场份轮是十百千万亿"]);

interface Sequence {
  expected: number;
  kind: "shi" | "ordinal";
}

function label(kind: Sequence["kind"], value: number): string {
  return kind === "shi" ? `${toChineseNumeral(value)}是` : `第${toChineseNumeral(value)}`;
}

/** Positions where a marker may start; a "1." or "（1）" paragraph starts a new enumeration. */
interface MarkerPosition {
  position: number;
  isReset: boolean;
  isSentenceStart: boolean;
}

function markerPositions(text: string): MarkerPosition[] {
  const positions: MarkerPosition[] = [];
  for (const paragraph of splitParagraphs(text)) {
    const prefix = LEVEL3_PREFIX.exec(paragraph.text) ?? LEVEL4_PREFIX.exec(paragraph.text);
    positions.push({ position: paragraph.from + (prefix ? prefix[0].length : 0), isReset: prefix !== null, isSentenceStart: true });
    for (let index = 0; index < paragraph.text.length; index += 1) {
      const char = paragraph.text[index]!;
      if (MARKER_BEFORE.has(char)) positions.push({ position: paragraph.from + index + 1, isReset: false, isSentenceStart: SENTENCE_BEFORE.has(char) });
    }
  }
  return positions;
}

function checkField(location: ReportLocation, text: string): Finding[] {
  const findings: Finding[] = [];
  const sequences: Record<Sequence["kind"], Sequence | undefined> = { shi: undefined, ordinal: undefined };
  const add = (severity: Finding["severity"], message: string, from: number, to: number, fix?: Finding["fix"]) =>
    findings.push({ ruleId: RULE_ID, severity, message, location: withRange(location, from, to), ...(fix ? { fix } : {}) });

  for (const marker of markerPositions(text)) {
    let position = marker.position;
    while (text[position] === " " || text[position] === "\u3000") position += 1;
    if (marker.isReset) {
      sequences.shi = undefined;
      sequences.ordinal = undefined;
    }
    const rest = text.slice(position, position + 8);
    const shi = sequences.shi;
    if (rest[0] === "是" && shi && marker.isSentenceStart && isHan(rest[1]) && rest[1] !== "否") {
      const expected = toChineseNumeral(shi.expected);
      add(
        "warning",
        `列举中“是”前缺少序号，应为“${expected}是”。`,
        position,
        position + 1,
        replaceFix(`补上“${expected}”`, location, position, position, expected),
      );
      shi.expected += 1;
      continue;
    }
    const ordinal = ORDINAL.exec(rest);
    const numeral = ordinal ? ordinal[1]! : NUMERAL.exec(rest)?.[0];
    if (!numeral) continue;
    const value = chineseNumeralValue(numeral);
    const kind: Sequence["kind"] = ordinal ? "ordinal" : "shi";
    const start = position + (ordinal ? 1 : 0);
    const next = text[start + numeral.length];
    if (kind === "shi" && next !== "是") {
      if (shi && value === shi.expected && value >= 2 && isHan(next) && !NOT_BROKEN.has(next!)) {
        const end = start + numeral.length;
        add(
          "warning",
          `列举序号“${numeral}${next}”缺少“是”字，应为“${numeral}是${next}”。`,
          start,
          end + 1,
          replaceFix(`改为“${numeral}是”`, location, end, end, "是"),
        );
        shi.expected += 1;
      }
      continue;
    }
    const markerEnd = start + numeral.length + 1;
    const current = sequences[kind];
    if (value === 1) {
      sequences[kind] = { expected: 2, kind };
    } else if (!current) {
      continue;
    } else if (value === current.expected) {
      current.expected += 1;
    } else if (value > current.expected) {
      const missing = Array.from({ length: value - current.expected }, (_, index) => `“${label(kind, current.expected + index)}”`).join("");
      const renumber = replaceFix(`改为“${label(kind, current.expected)}”`, location, start, start + numeral.length, toChineseNumeral(current.expected));
      add("warning", `列举从“${label(kind, current.expected - 1)}”跳到“${label(kind, value)}”，中间缺少${missing}。`, position, markerEnd, renumber);
      current.expected = value + 1;
    } else if (value === current.expected - 1) {
      const renumber = replaceFix(`改为“${label(kind, current.expected)}”`, location, start, start + numeral.length, toChineseNumeral(current.expected));
      add("warning", `列举序号“${label(kind, value)}”重复出现，后一个应为“${label(kind, current.expected)}”。`, position, markerEnd, renumber);
      current.expected += 1;
    } else {
      add("warning", `列举序号“${label(kind, value)}”出现在“${label(kind, current.expected - 1)}”之后，顺序错乱。`, position, markerEnd);
    }
  }
  return findings;
}

/** Rule 3 (run-in): 一是、二是…… and 第一、第二…… run without gap, repeat or broken form ("三还", a bare "是"). */
export const runInSequenceRule: Rule = {
  id: RULE_ID,
  title: "列举序号连续",
  check(report: Report): Finding[] {
    return listProseFields(report).flatMap(({ location, text }) => checkField(location, text));
  },
};
