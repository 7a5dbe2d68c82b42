import type { Report } from "@/lib/report-model";

import { assembleReport } from "./assemble-report";
import { buildSections } from "./build-sections";
import { ImportError } from "./errors";
import { extractMeta } from "./extract-meta";
import { guessTemplateId } from "./guess-template";
import { joinCaptureBreaks, joinWrappedLines } from "./join-lines";
import { rebuildPdfIndicatorTables } from "./read-indicator-table";
import { restorePunctuation } from "./restore-punctuation";
import { stripPageChrome } from "./strip-page-chrome";
import type { ImportContext, RepairMode, SourceBlock } from "./types";

/** Where the blocks came from: decides whether a repair is a web copy's or would change the official's file. */
export type SourceKind = "web" | "text" | "docx" | "pdf";

export interface PipelineOptions {
  templateId?: string;
  source: SourceKind;
  repair: RepairMode;
}

/**
 * Blocks → report, in named stages: page chrome, layout line joining, web-copy repair (only for a web copy:
 * one logged step), metadata, opening/parts/items/closing. `normalize` maps text to Simplified for matching
 * only, so a Traditional copy can keep its script and still be understood.
 */
export function runPipeline(blocks: SourceBlock[], options: PipelineOptions, context: ImportContext, normalize: (text: string) => string): Report {
  const stripped = stripPageChrome(blocks, context, normalize);
  // A Word or HTML paragraph is a paragraph; only plain text and a PDF text layer can be hard-wrapped.
  const textLayer = options.source === "pdf" ? rebuildPdfIndicatorTables(stripped.blocks).map(closePdfGaps) : stripped.blocks;
  const laidOut = options.source === "text" || options.source === "pdf" ? joinWrappedLines(textLayer, context) : textLayer;
  const isWebCopy =
    options.repair === "web" || (options.repair === "auto" && (options.source === "web" || (options.source === "text" && stripped.removedCount > 0)));
  const repaired = (isWebCopy ? repairWebCopy(laidOut, context) : laidOut).filter((block) => block.table || block.text !== "");
  if (!repaired.some((block) => block.table || /\S/.test(block.text))) throw new ImportError("EMPTY", "文件中没有可导入的正文。");
  const { meta, body } = extractMeta(repaired, stripped.page, context, normalize);
  const { preamble, sections } = buildSections(body, context, normalize);
  let template = options.templateId;
  if (!template) {
    template = guessTemplateId(normalize(meta.agency));
    context.log.push({ kind: "guessed", message: `根据机关名称选用模板“${template}”。` });
  }
  return assembleReport(meta, preamble, sections, template, context);
}

const CJK = "\\p{Script=Han}〔〕（）《》“”‘’、，。：；！？";
/** A PDF text layer puts gaps where glyphs were spaced ("〔2025 〕", "1. 完善"); no one typed them. */
const PDF_GAP = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}\\d])|(?<=[\\d.．])\\s+(?=[${CJK}])`, "gu");

function closePdfGaps(block: SourceBlock): SourceBlock {
  if (block.table || !/\s/.test(block.text)) return block;
  const text = block.text.replace(PDF_GAP, "");
  return text === block.text ? block : { ...block, text };
}

/** Stage "web-copy repair": capture breaks joined and half-width punctuation made full-width, logged as one undoable step. */
function repairWebCopy(blocks: SourceBlock[], context: ImportContext): SourceBlock[] {
  const { blocks: joined, joined: joinCount } = joinCaptureBreaks(blocks);
  const { blocks: punctuated, changed } = restorePunctuation(joined);
  context.repairCount = joinCount + changed;
  if (context.repairCount > 0) {
    const parts = [joinCount > 0 ? `合并断在句中的换行 ${joinCount} 处` : "", changed > 0 ? `${changed} 段中的半角标点改为全角` : ""].filter(Boolean);
    context.log.push({ kind: "converted", message: `网页副本修复（共 ${context.repairCount} 处，可一键撤销）：${parts.join("，")}。` });
  }
  return punctuated;
}
