import type { Report } from "@/lib/report-model";

import { detectTraditional, getSimplifier } from "./convert-traditional";
import { runPipeline, type SourceKind } from "./run-pipeline";
import { blocksText, mapBlockText } from "./source-blocks";
import { createContext, type ImportLogEntry, type ImportOptions, type ImportResult, type SourceBlock } from "./types";

const identity = (text: string) => text;

/**
 * Runs the pipeline, converting Traditional Chinese first and keeping the unconverted import for undo;
 * when the web-copy repair changed anything, the same import without it is kept for undo too.
 */
export function importBlocks(blocks: SourceBlock[], options: ImportOptions, source: SourceKind, readLog: ImportLogEntry[] = []): ImportResult {
  const repair = options.repair ?? "auto";
  const detection = detectTraditional(blocksText(blocks));
  const context = createContext();
  context.log.push(...readLog);
  const run = (input: SourceBlock[], normalize: (text: string) => string, templateId = options.templateId, target = context) =>
    runPipeline(input, { templateId, source, repair }, target, normalize);
  /** The same import without the repair step, when the repair changed something. */
  const unrepaired = (input: SourceBlock[], normalize: (text: string) => string, templateId: string): Report | undefined =>
    context.repairCount > 0 ? runPipeline(input, { templateId, source, repair: "file" }, createContext(), normalize) : undefined;
  const result = (report: Report, alternatives: ImportResult["alternatives"]): ImportResult => {
    const present = alternatives && Object.values(alternatives).some(Boolean) ? alternatives : undefined;
    return {
      report,
      log: context.log,
      uncertain: context.uncertain,
      suggestions: context.suggestions,
      repairCount: context.repairCount,
      sourceHeadings: context.sourceHeadings,
      ...(present ? { alternatives: present } : {}),
    };
  };
  if (!detection.isTraditional) {
    const report = run(blocks, identity);
    return result(report, { unrepaired: unrepaired(blocks, identity, report.templateId) });
  }
  const simplify = getSimplifier(detection.variant);
  const percent = Math.round(detection.ratio * 100);
  if (options.convertTraditional === false) {
    context.log.push({ kind: "warning", message: `检测到繁体中文（约 ${percent}% 为繁体字），已按要求保留繁体。` });
    const report = run(blocks, simplify);
    return result(report, { unrepaired: unrepaired(blocks, simplify, report.templateId) });
  }
  context.log.push({
    kind: "converted",
    message: `检测到繁体中文（约 ${percent}% 为繁体字），已按${detection.variant === "hk" ? "香港" : "台湾"}用字逐词转换为简体。如需保留繁体，可撤销此项转换。`,
  });
  const converted = mapBlockText(blocks, simplify);
  const report = run(converted, identity);
  const traditional = runPipeline(blocks, { templateId: options.templateId ?? report.templateId, source, repair }, createContext(), simplify);
  return result(report, { traditional, unrepaired: unrepaired(converted, identity, report.templateId) });
}
