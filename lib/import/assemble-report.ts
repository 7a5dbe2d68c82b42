import { emptyDoc, newId, REPORT_SCHEMA_VERSION, reportSchema, type Report, type ReportItem, type ReportSection } from "@/lib/report-model";

import type { SectionDraft } from "./build-sections";
import type { ExtractedMeta } from "./extract-meta";
import { blocksToDoc } from "./to-rich-doc";
import { sampleOf, type ImportContext, type SourceBlock } from "./types";

const MAX_ITEMS = 200;
const MAX_HEADING = 200;
const MAX_LEAD = 5000;

/** Builds the `Report` (ids, rich bodies, schema limits) and records the unsure kinds for the user to confirm. */
export function assembleReport(meta: ExtractedMeta, preamble: SourceBlock[], drafts: SectionDraft[], templateId: string, context: ImportContext): Report {
  const built = drafts.map((draft) => toSection(draft));
  const sections = built.map(({ section }) => section);
  context.sourceHeadings = built.map(({ sourceLines }, index) => ({ heading: drafts[index]!.sourceLine, items: sourceLines }));
  const opening = preamble.filter((block) => block.table || block.text.trim());
  if (opening.length > 0) {
    const text = opening
      .filter((block) => !block.table)
      .map((block) => block.text)
      .join("");
    context.log.push({ kind: "guessed", message: `一、之前的 ${opening.length} 段识别为导语（“${sampleOf(text, 16)}”），放在报告开头。` });
  }
  drafts.forEach((draft, sectionIndex) => {
    if (draft.doubt) context.uncertain.push({ target: "section", sectionIndex, source: draft.source, chosen: draft.kind, message: draft.doubt });
  });
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    templateId,
    meta: {
      agency: meta.agency.slice(0, 100),
      year: Math.min(2100, Math.max(2000, meta.year)),
      title: meta.title.slice(0, 200),
      mainRecipient: meta.mainRecipient.slice(0, 200),
      copyTo: meta.copyTo.slice(0, 300),
      signature: meta.signature.slice(0, 100),
      date: meta.date,
      docNumber: meta.docNumber.slice(0, 60),
      isPublic: true,
    },
    opening: opening.length > 0 ? blocksToDoc(opening) : emptyDoc(),
    closing: meta.closing.slice(0, 200),
    sections,
    commitments: [],
    // The 签发人 the source prints beside its 文号 is this report's own 版头 choice.
    ...(meta.signer ? { frame: { signer: meta.signer.slice(0, 20) } } : {}),
  } satisfies Report;
  // Parsing keeps the guarantee that every import is a valid report; a failure is a bug, not bad input. The
  // bodies are built by `blocksToDoc` from paragraphs and tables within the schema's limits (tested there),
  // so they are left out of the parse: walking every text node through zod was most of the import's time.
  reportSchema.parse({
    ...report,
    opening: emptyDoc(),
    sections: sections.map((section) => ({ ...section, items: section.items.map((entry) => ({ ...entry, body: emptyDoc() })) })),
  });
  return report;
}

function item(heading: string, body: ReportItem["body"], isRunIn: boolean): ReportItem {
  return { id: newId("i"), heading: heading.slice(0, MAX_HEADING), body, isRunIn, area: null, pendingUpdates: [] };
}

function toSection(draft: SectionDraft): { section: ReportSection; sourceLines: Array<string | undefined> } {
  const drafts = [...draft.items];
  // Beyond the item limit the remainder joins the last item's body instead of being dropped.
  if (drafts.length > MAX_ITEMS) {
    const overflow = drafts.splice(MAX_ITEMS - 1);
    drafts.push({
      heading: overflow[0]!.heading,
      isRunIn: false,
      blocks: overflow.flatMap((extra, index) => (index === 0 ? extra.blocks : [{ text: extra.heading }, ...extra.blocks])),
    });
  }
  const { figures } = draft;
  const leadText = draft.lead
    .filter((block) => !block.table)
    .map((block) => block.text)
    .join("\n");
  const hasTableLead = draft.lead.some((block) => block.table) || leadText.length > MAX_LEAD;
  const items = drafts.map((entry) => item(entry.heading, blocksToDoc(entry.blocks), entry.isRunIn));
  const sourceLines = drafts.map((entry) => entry.sourceLine);
  if (hasTableLead) {
    items.unshift(item("", blocksToDoc(draft.lead), false));
    sourceLines.unshift(undefined);
  }
  const section: ReportSection = {
    id: newId("s"),
    kind: draft.kind,
    heading: draft.heading.slice(0, MAX_HEADING),
    lead: hasTableLead ? "" : leadText,
    items: items.length > 0 ? items : [item("", blocksToDoc([]), false)],
    indicators: figures?.indicators ?? {},
    previousIndicators: figures?.previousIndicators ?? {},
  };
  return { section, sourceLines };
}
