import { docToText, emptyDoc, REPORT_SCHEMA_VERSION, textToDoc, type Report, type ReportItem, type ReportSection, type SectionKind } from "@/lib/report-model";

/**
 * A minimal plain-text → Report splitter for the corpus test, until the real importer (lib/import) can
 * stand in: `textToReport` is the only entry point, so swapping it is a one-line change in the test.
 */
const SECTION_HEADING = /^([一二三四五六七八九十]+)、(.+)$/;
/** A line that lost its numeral ("、存在问题及整改措施"), kept as written so the rules can see it. */
const LOST_SECTION_HEADING = /^、\S{2,30}$/;
const ITEM_HEADING = /^[（(]([一二三四五六七八九十]+)[）)]\s*(.+)$/;
const END_OF_REPORT = /^(扫码|扫一扫|返回|收起|部门街镇|政务新媒体|智能问答)/;

function sectionKind(heading: string): SectionKind {
  if (/第一责任人|主要负责人/.test(heading)) return "leader_duty";
  if (/问题|不足/.test(heading)) return "problems";
  if (/计划|安排|打算|下一步|下步/.test(heading)) return "next_year";
  if (/其他/.test(heading)) return "other";
  return "measures";
}

export function textToReport(text: string): Report {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const titleIndex = lines.findIndex((line) => /法治政府建设/.test(line) && /(报告|总结)$/.test(line) && /\d{4}年/.test(line));
  const title = lines[titleIndex] ?? "";
  const year = Number(/(\d{4})年/.exec(title)?.[1] ?? 2000);
  const date = /成文日期\s*\]?\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? "";
  const sections: ReportSection[] = [];
  let lead: string[] = [];
  let paragraphs: string[] = [];
  let item: (Omit<ReportItem, "body"> & { paragraphs: string[] }) | undefined;

  const flushItem = () => {
    const section = sections.at(-1);
    if (!section) return;
    if (item) section.items.push({ ...item, body: textToDoc(item.paragraphs.join("\n")) });
    else if (paragraphs.length > 0)
      section.items.push({
        id: `s${sections.length}i${section.items.length}`,
        heading: "",
        body: textToDoc(paragraphs.join("\n")),
        isRunIn: false,
        area: null,
        pendingUpdates: [],
      });
    item = undefined;
    paragraphs = [];
  };

  for (const line of lines.slice(titleIndex + 1)) {
    if (END_OF_REPORT.test(line)) break;
    if (!line) continue;
    const sectionMatch = SECTION_HEADING.exec(line);
    if (sectionMatch || LOST_SECTION_HEADING.test(line)) {
      flushItem();
      const heading = sectionMatch ? sectionMatch[2]! : line;
      sections.push({
        id: `s${sections.length}`,
        kind: sectionKind(heading),
        heading,
        lead: sections.length === 0 ? lead.join("\n") : "",
        items: [],
        indicators: {},
        previousIndicators: {},
      });
      lead = [];
      continue;
    }
    const itemMatch = ITEM_HEADING.exec(line);
    if (itemMatch && sections.length > 0) {
      flushItem();
      const rest = itemMatch[2]!;
      const stop = rest.indexOf("。");
      const isRunIn = stop !== -1 && stop < rest.length - 1;
      item = {
        id: `s${sections.length - 1}i${sections.at(-1)!.items.length}`,
        heading: isRunIn ? rest.slice(0, stop) : rest.replace(/。$/, ""),
        isRunIn,
        area: null,
        pendingUpdates: [],
        paragraphs: isRunIn ? [rest.slice(stop + 1)] : [],
      };
      continue;
    }
    if (sections.length === 0) {
      if (/[。：:]$/.test(line) && line.length > 40) lead.push(line);
    } else if (item) item.paragraphs.push(line);
    else paragraphs.push(line);
  }
  flushItem();
  // Text before a part's first （一） is its lead, not an unheaded item.
  for (const section of sections) {
    const first = section.items[0];
    if (section.items.length > 1 && first && !first.heading) {
      section.lead = [section.lead, docToText(first.body)].filter(Boolean).join("\n");
      section.items.shift();
    }
  }
  const agency = title.slice(0, title.search(/\d{4}年/));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    templateId: "department",
    meta: { agency, year, title, mainRecipient: "", copyTo: "", signature: agency, date, docNumber: "", isPublic: true },
    opening: emptyDoc(),
    closing: "",
    sections,
    commitments: [],
  };
}
