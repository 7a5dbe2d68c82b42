import { detectTraditional, getSimplifier } from "./convert-traditional";
import { runPipeline } from "./run-pipeline";
import { blocksText, mapBlockText } from "./source-blocks";
import { createContext, type ImportLogEntry, type ImportOptions, type ImportResult, type SourceBlock } from "./types";

const identity = (text: string) => text;

/** Runs the pipeline, converting Traditional Chinese first and keeping the unconverted import for undo. */
export function importBlocks(blocks: SourceBlock[], options: ImportOptions, readLog: ImportLogEntry[] = []): ImportResult {
  const detection = detectTraditional(blocksText(blocks));
  const context = createContext();
  context.log.push(...readLog);
  if (!detection.isTraditional) {
    const report = runPipeline(blocks, options.templateId, context, identity);
    return { report, log: context.log, uncertain: context.uncertain };
  }
  const simplify = getSimplifier(detection.variant);
  const percent = Math.round(detection.ratio * 100);
  if (options.convertTraditional === false) {
    context.log.push({ kind: "warning", message: `检测到繁体中文（约 ${percent}% 为繁体字），已按要求保留繁体。` });
    const report = runPipeline(blocks, options.templateId, context, simplify);
    return { report, log: context.log, uncertain: context.uncertain };
  }
  context.log.push({
    kind: "converted",
    message: `检测到繁体中文（约 ${percent}% 为繁体字），已按${detection.variant === "hk" ? "香港" : "台湾"}用字逐词转换为简体。如需保留繁体，可撤销此项转换。`,
  });
  const report = runPipeline(mapBlockText(blocks, simplify), options.templateId, context, identity);
  const traditional = runPipeline(blocks, options.templateId ?? report.templateId, createContext(), simplify);
  return { report, log: context.log, uncertain: context.uncertain, alternatives: { traditional } };
}
