import { toHalfWidthDigits } from "@/lib/report-model/half-width-digits";

import { textOf, type TrackedChar } from "./types";

/**
 * A 文号 as people type it: the agency's code, the year in any of the brackets in use (〔〕 as GB/T 9704 wants, or
 * ［］ [] （） () 【】), the serial with or without "第", half- or full-width digits, spaces anywhere
 * ("聊法委发〔2020〕5 号", "聊政通字[2016]14号", "青水发（２０２６）第5号").
 */
const DOC_NUMBER =
  /^(\s*[\p{Script=Han}A-Za-z]{0,16}?\s*)([〔［[(（【｛{〈<])(\s*[0-9０-９]{4}\s*)([〕］\])）】｝}〉>])(\s*(?:第\s*)?)([0-9０-９]{1,5}\s*)(号)\s*$/u;

/** The parts of a 文号 as written (spaces kept): "青水发", "〔", "2026", "〕", "" (or "第"), "5", "号". */
export interface DocNumberParts {
  prefix: string;
  open: string;
  year: string;
  close: string;
  ordinal: string;
  serial: string;
  suffix: string;
}

const PART_NAMES = ["prefix", "open", "year", "close", "ordinal", "serial", "suffix"] as const;

export function parseDocNumber(text: string): DocNumberParts | undefined {
  const match = DOC_NUMBER.exec(text);
  if (!match) return undefined;
  const [, prefix, open, year, close, ordinal, serial, suffix] = match;
  return { prefix: prefix!, open: open!, year: year!, close: close!, ordinal: ordinal!, serial: serial!, suffix: suffix! };
}

/**
 * What identifies a 文号 however it is written: code, year and serial, without brackets, spaces, digit width, "第"
 * or leading zeros ("青水发〔2026〕5号" and "青水发[２０２６]第05号" have the same key). undefined: not a 文号.
 */
export function docNumberKey(text: string): string | undefined {
  const parts = parseDocNumber(text);
  if (!parts) return undefined;
  const serial = Number(toHalfWidthDigits(parts.serial).replace(/\D/g, ""));
  return `${parts.prefix.replace(/\s+/g, "")}〔${toHalfWidthDigits(parts.year).trim()}〕${serial}号`;
}

/**
 * The 文号 after a leader's changes, written as the report writes it: each part the leader did not change keeps the
 * report's form (its brackets, digits, spacing), each part the leader changed is taken as the leader typed it. When
 * the changed text is no 文号 any more (deleted, rewritten), it is taken as it stands.
 */
export function docNumberAfterChanges(stored: string, rejected: string, accepted: string): string {
  const own = parseDocNumber(stored.trim());
  const before = parseDocNumber(rejected);
  const after = parseDocNumber(accepted);
  if (!own || !before || !after || docNumberKey(stored) !== docNumberKey(rejected)) return accepted.trim();
  return PART_NAMES.map((name) => (before[name] === after[name] ? own[name] : after[name].trim()))
    .join("")
    .trim();
}

/** "签发人：" as printed, also spaced out for alignment ("签 发 人："), with either colon. */
const SIGNER_LABEL = /签\s*发\s*人\s*[：:]?/u;

/** A line that prints the 文号, the 签发人, or both ("青水发〔2026〕5号<tab>签发人：王五"): its characters split at the label. */
export interface FrameLine {
  /** The 文号's characters (the line's start up to the label), whitespace around it included. */
  number: TrackedChar[];
  /** "签发人：" and the name after it; empty when the line has no label. */
  label: TrackedChar[];
  signer: TrackedChar[];
}

/** Characters a reading shows: everything but text inserted and deleted again in Word. */
const shown = (char: TrackedChar) => char.kind !== "insertDeleted";

/**
 * Splits a paragraph that prints the 文号 and/or "签发人：name" (a line of its own, a table cell, a text box), or
 * undefined when it prints neither: the part before the label must be a 文号 (as it reads before or after the
 * leader's changes) or empty, and the name a short one.
 */
export function readFrameLine(chars: readonly TrackedChar[]): FrameLine | undefined {
  const visible = chars.filter(shown);
  const label = SIGNER_LABEL.exec(visible.map((char) => char.char).join(""));
  const labelStart = label ? chars.indexOf(visible[label.index]!) : chars.length;
  const labelEnd = label ? chars.indexOf(visible[label.index + label[0].length - 1]!) + 1 : chars.length;
  const number = chars.slice(0, labelStart);
  const signer = chars.slice(labelEnd);
  const before = textOf(number, ["normal", "delete"]).trim();
  const after = textOf(number, ["normal", "insert"]).trim();
  const isNumber = (before !== "" && parseDocNumber(before) !== undefined) || (after !== "" && parseDocNumber(after) !== undefined);
  if (!label) return isNumber ? { number, label: [], signer: [] } : undefined;
  const name = textOf(signer, ["normal", "delete", "insert"]).trim();
  const isName = [...name].length <= 20 && !/[。，；,;]/.test(name);
  // Without a 文号 before it, only "签发人：" with its colon (or the bare label filling a cell) is the label:
  // a heading or sentence that starts with the word (“签发人审核制度”) is not.
  const isLabel = /[：:]/.test(label[0]) || (name === "" && label.index === 0);
  if (!isName || (!isNumber && (before !== "" || after !== "" || !isLabel))) return undefined;
  return { number, label: chars.slice(labelStart, labelEnd), signer };
}

/** A name as compared: spaces people put in a two-character name for alignment ("王  五") do not count. */
export function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, "") === b.replace(/\s+/g, "");
}
