import type { Report } from "@/lib/report-model";

import { assembleReport } from "./assemble-report";
import { buildSections } from "./build-sections";
import { cleanNoise } from "./clean-noise";
import { ImportError } from "./errors";
import { extractMeta } from "./extract-meta";
import { guessTemplateId } from "./guess-template";
import { joinBrokenLines } from "./join-lines";
import { restorePunctuation } from "./restore-punctuation";
import type { ImportContext, SourceBlock } from "./types";

/**
 * Blocks → report: noise, broken lines, punctuation, metadata, parts and items. `normalize` maps text to
 * Simplified for matching only, so a Traditional copy can keep its script and still be understood.
 */
export function runPipeline(blocks: SourceBlock[], templateId: string | undefined, context: ImportContext, normalize: (text: string) => string): Report {
  const cleaned = cleanNoise(blocks, context, normalize);
  const joined = joinBrokenLines(cleaned.blocks, context);
  const punctuated = restorePunctuation(joined, context);
  if (!punctuated.some((block) => block.table || /\S/.test(block.text))) throw new ImportError("EMPTY", "文件中没有可导入的正文。");
  const { meta, body } = extractMeta(punctuated, cleaned.page, context, normalize);
  const { preamble, sections } = buildSections(body, context, normalize);
  let template = templateId;
  if (!template) {
    template = guessTemplateId(normalize(meta.agency));
    context.log.push({ kind: "guessed", message: `根据机关名称选用模板“${template}”。` });
  }
  return assembleReport(meta, preamble, sections, template, context);
}
