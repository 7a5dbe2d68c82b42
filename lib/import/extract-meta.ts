import { beijingParts, fromChineseNumeral } from "@/lib/report-model";

import { readFrameTable, readFrameText, type FrameText } from "./docx-frame-line";
import { matchHeading } from "./headings";
import { toIsoDate, type PageMeta } from "./page-meta";
import { sampleOf, type ImportContext, type SourceBlock } from "./types";

export interface ExtractedMeta {
  title: string;
  agency: string;
  year: number;
  mainRecipient: string;
  signature: string;
  date: string;
  docNumber: string;
  /** 签发人 printed beside the 文号 in the 版头 ("" when none). */
  signer: string;
  /** 抄送 list without the label and the final 。. */
  copyTo: string;
  /** 结束语 ("特此报告。"). */
  closing: string;
}

const TITLE_END = /(报告|总结|情况|汇报|通报)$/;
const AGENCY_END = /(人民政府|办事处|委员会|管理委员会|局|厅|委|办公室|办|院|署|中心|镇|乡|街道|司法所|政府)$/;
const DOC_NUMBER = /^[\p{Script=Han}]{1,10}\s*[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*\d{1,4}\s*号$/u;
const CN_DATE = /^([〇○零一二三四五六七八九\d]{4})\s*年\s*([一二三四五六七八九十\d]{1,3})\s*月\s*([一二三四五六七八九十\d]{1,3})\s*日$/;
const HEAD_PARAGRAPH = 50;
/** 结束语: a line of its own before the signature. */
export const CLOSING_LINE =
  /^(特此(报告|汇报|报告如上|说明)|专此报告|以上报告|以上(情况)?(报告|汇报)?[，,]?\s*(妥否)?[，,]?\s*请.{1,12}|妥否[，,]\s*请.{1,12})[。！.]?$/;
/** The same closing glued to the end of the last paragraph ("……取得实效。特此报告。"). */
const CLOSING_TAIL = /(?<=[。！？])\s*(特此(报告|汇报)|专此报告)[。！.]?$/;
const COPY_TO = /^抄\s*送\s*[:：]\s*(.+?)[。.]?$/;

/** Pulls title, agency, year, 主送 from the head and 署名/成文日期 from the tail; returns the remaining body. */
export function extractMeta(
  blocks: SourceBlock[],
  page: PageMeta,
  context: ImportContext,
  normalize: (text: string) => string,
): { meta: ExtractedMeta; body: SourceBlock[] } {
  const meta: ExtractedMeta = {
    title: "",
    agency: "",
    year: 0,
    mainRecipient: "",
    signature: "",
    date: "",
    docNumber: "",
    signer: "",
    copyTo: "",
    closing: "",
  };
  const frames: FrameText[] = [];
  // A 版头 table (文号 | 签发人) before the text is the frame, not the opening's first table.
  const firstText = blocks.findIndex((block) => !block.table && (block.text.length >= HEAD_PARAGRAPH || isNumbered(block.text)));
  const framed = blocks.filter((block, index) => {
    const frame = block.table && (firstText < 0 || index < firstText) ? readFrameTable(block.table) : undefined;
    if (frame) frames.push(frame);
    return !frame;
  });
  const headEnd = framed.findIndex((block) => !!block.table || block.text.length >= HEAD_PARAGRAPH || isNumbered(block.text));
  const head = framed.slice(0, headEnd < 0 ? framed.length : headEnd);
  const rest = framed.slice(head.length);
  const leftover: SourceBlock[] = [];
  let agencyLine = "";
  for (let index = 0; index < head.length; index += 1) {
    const text = head[index]!.text;
    const normalized = normalize(text);
    const next = head[index + 1]?.text ?? "";
    // Above the title: the 文号 and/or 签发人 line, in whatever form the file writes it.
    const frame = meta.title ? undefined : readFrameText(text);
    if (frame) frames.push(frame);
    else if (!meta.docNumber && !meta.title && DOC_NUMBER.test(text)) meta.docNumber = text.replace(/\s+/g, "");
    else if (!meta.title && TITLE_END.test(normalized))
      meta.title = agencyLine && /^(关于|\d{4}|[〇○零一二三四五六七八九]{4})/.test(text) ? agencyLine + text : text;
    else if (!meta.title && next && TITLE_END.test(normalize(next)) && !AGENCY_END.test(normalized)) {
      meta.title = text + next;
      index += 1;
    } else if (meta.title && isRepeatOfTitle(meta.title, text)) continue;
    else if (AGENCY_END.test(normalized) && text.length <= 30) agencyLine ||= text;
    else if (meta.title && isRecipientLine(text) && !meta.mainRecipient) meta.mainRecipient = text.replace(/[：:]$/, "");
    else if (DOC_NUMBER.test(text)) meta.docNumber = text.replace(/\s+/g, "");
    else if (parseDate(text)) meta.date = parseDate(text)!;
    else leftover.push(head[index]!);
  }
  takeFrames(meta, frames, context);
  const tail = takeTail([...leftover, ...rest], normalize);
  const { body } = tail;
  meta.signature = tail.signature;
  meta.date = tail.date || meta.date;
  meta.copyTo = tail.copyTo;
  meta.closing = tail.closing;
  if (tail.closing) context.log.push({ kind: "guessed", message: `结束语识别为“${tail.closing}”。` });
  if (tail.copyTo) context.log.push({ kind: "guessed", message: `抄送识别为“${sampleOf(tail.copyTo, 40)}”。` });
  fillAgency(meta, agencyLine, page, context);
  fillYear(meta, body, page, context);
  suggestFromPage(meta, page, context);
  if (!meta.title) {
    meta.title = `${meta.agency}${meta.year}年法治政府建设年度报告`;
    context.log.push({ kind: "guessed", message: `原文没有标题，已按机关和年度拟定为“${meta.title}”。` });
    context.uncertain.push({ target: "meta", field: "title", source: "", chosen: meta.title, message: "标题为自动拟定，请确认。" });
  }
  if (meta.title) context.log.push({ kind: "guessed", message: `标题识别为“${meta.title}”。` });
  if (meta.mainRecipient) context.log.push({ kind: "guessed", message: `主送机关识别为“${meta.mainRecipient}”。` });
  return { meta, body };
}

/** The 文号 and 签发人 read from the 版头 (lines or table), first of each; what was read is logged. */
function takeFrames(meta: ExtractedMeta, frames: readonly FrameText[], context: ImportContext): void {
  const number = frames.find((frame) => frame.docNumber);
  const signer = frames.find((frame) => frame.signer)?.signer ?? "";
  if (number && !meta.docNumber) {
    meta.docNumber = number.docNumber;
    const written = number.docNumberSource !== number.docNumber ? `（原文写作“${number.docNumberSource}”，已去掉空格）` : "";
    context.log.push({ kind: "guessed", message: `文号识别为“${number.docNumber}”${written}。` });
  }
  if (signer) {
    meta.signer = signer;
    context.log.push({ kind: "guessed", message: `签发人识别为“${signer}”，已填入本报告的版头设置（文号居左、签发人居右）。` });
  }
}

/** "市委、市政府：": short, ends with a colon, and is a list of bodies, not a sentence ("现将…报告如下："). */
function isRecipientLine(text: string): boolean {
  return /[：:]$/.test(text) && text.length <= 40 && !/[，,。；]|如下[：:]$|^\d{4}/.test(text);
}

function isNumbered(text: string): boolean {
  const match = matchHeading(text);
  return !!match && match.level !== "runIn" && !match.isNumeralLost;
}

/** "聊城市某局" + "2020年…总结" repeating a title already found (page title, then document title). */
function isRepeatOfTitle(title: string, text: string): boolean {
  return text.length >= 4 && (title.includes(text) || text.includes(title));
}

export function parseDate(text: string): string | undefined {
  const trimmed = text.trim();
  const chinese = CN_DATE.exec(trimmed);
  if (chinese) {
    const year = [...chinese[1]!].map((char) => (/\d/.test(char) ? char : String("〇一二三四五六七八九".indexOf(char.replace(/[○零]/, "〇"))))).join("");
    const month = /\d/.test(chinese[2]!) ? Number(chinese[2]) : fromChineseNumeral(chinese[2]!);
    const day = /\d/.test(chinese[3]!) ? Number(chinese[3]) : fromChineseNumeral(chinese[3]!);
    if (month && day) return toIsoDate(`${year}-${month}-${day}`);
  }
  return /^\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}$/.test(trimmed) ? toIsoDate(trimmed) : undefined;
}

/** 抄送, 成文日期, 署名 and 结束语 at the very end (in print order, read backwards), then the body without them. */
function takeTail(
  blocks: SourceBlock[],
  normalize: (text: string) => string,
): { body: SourceBlock[]; signature: string; date: string; copyTo: string; closing: string } {
  const body = [...blocks];
  let date = "";
  let signature = "";
  let copyTo = "";
  let closing = "";
  for (let step = 0; step < 4 && body.length > 0; step += 1) {
    const last = body[body.length - 1]!;
    if (last.table) break;
    const text = last.text.trim();
    const parsed = parseDate(text);
    const copy = COPY_TO.exec(text);
    if (copy && !copyTo && !date && !signature) copyTo = copy[1]!.trim();
    else if (parsed && !date && !signature) date = parsed;
    else if (!signature && text.length <= 30 && AGENCY_END.test(normalize(text)) && !/[。，；]/.test(text)) signature = text;
    else break;
    body.pop();
  }
  const last = body[body.length - 1];
  if (last && !last.table) {
    const text = last.text.trim();
    if (CLOSING_LINE.test(text)) {
      closing = text;
      body.pop();
    } else {
      const glued = CLOSING_TAIL.exec(text);
      if (glued) {
        closing = glued[0].trim();
        body[body.length - 1] = { ...last, text: text.slice(0, glued.index).trim() };
      }
    }
  }
  return { body, signature, date, copyTo, closing };
}

function fillAgency(meta: ExtractedMeta, agencyLine: string, page: PageMeta, context: ImportContext): void {
  const match = /^(.*?)(?:关于)?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年/.exec(meta.title);
  const fromTitle = match?.[1]?.replace(/关于$/, "").trim() ?? "";
  meta.agency = fromTitle.length >= 2 ? fromTitle : agencyLine || meta.signature || "";
  if (meta.agency && !fromTitle) context.log.push({ kind: "guessed", message: `机关名称取自${agencyLine ? "标题上方" : "署名"}：“${meta.agency}”。` });
  if (meta.agency) return;
  context.log.push({ kind: "warning", message: "未能从报告正文识别机关名称，请手动填写。" });
  if (page.publisher) context.suggestions.push({ field: "agency", value: page.publisher, source: "网页的信息来源", message: "来自网页信息，请确认" });
}

function fillYear(meta: ExtractedMeta, body: SourceBlock[], page: PageMeta, context: ImportContext): void {
  const fromTitle = /(\d{4})\s*年/.exec(meta.title)?.[1];
  if (fromTitle) return void (meta.year = Number(fromTitle));
  const opening = body
    .slice(0, 3)
    .map((block) => block.text)
    .join("");
  const fromText = /^(\d{4})\s*年/.exec(opening)?.[1];
  const published = (page.publishedOn ?? page.writtenOn ?? meta.date).slice(0, 4);
  if (fromText) meta.year = Number(fromText);
  else if (published) meta.year = Number(published) - 1;
  else meta.year = beijingParts(new Date()).year - 1;
  const source = fromText ? `正文开头“${sampleOf(opening, 12)}”` : published ? `网页发布时间（${published}年，来自网页信息）的上一年` : "当前年份的上一年";
  context.log.push({ kind: "guessed", message: `标题中没有年度，年度按${source}定为${meta.year}年，请确认。` });
  context.uncertain.push({ target: "meta", field: "year", source, chosen: String(meta.year), message: `年度定为${meta.year}年，请确认。` });
}

/**
 * 署名 and 成文日期 come only from the report's own text. Where it has none, what the page says (信息来源,
 * 成文日期/发布时间) is offered as a suggestion the user must accept; the report keeps the fields empty.
 */
function suggestFromPage(meta: ExtractedMeta, page: PageMeta, context: ImportContext): void {
  if (!meta.signature) {
    context.log.push({ kind: "warning", message: "原文末尾没有署名，署名暂为空。" });
    const value = page.publisher || meta.agency;
    if (value)
      context.suggestions.push({
        field: "signature",
        value,
        source: page.publisher ? "网页的信息来源" : "标题中的机关名称",
        message: page.publisher ? "来自网页信息，请确认" : "原文没有署名，可用机关名称，请确认",
      });
  }
  if (!meta.date) {
    context.log.push({ kind: "warning", message: "原文末尾没有成文日期，成文日期暂为空。" });
    const fromPage = page.writtenOn ?? page.publishedOn;
    if (fromPage)
      context.suggestions.push({
        field: "date",
        value: fromPage,
        source: page.writtenOn ? "网页标注的成文日期" : "网页发布时间",
        message: "来自网页信息，请确认",
      });
  }
}
