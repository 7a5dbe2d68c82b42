import { readFileSync } from "node:fs";
import path from "node:path";

import { strFromU8, unzipSync } from "fflate";

import { parseReportFile, type Report } from "@/lib/report-model";

/** The XML parts of a DOCX, by path inside the zip. */
export function unzipDocx(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith(".xml") || name.endsWith(".rels"))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

export interface XmlParagraph {
  style: string;
  text: string;
  xml: string;
}

/** Paragraphs of a WordprocessingML part in document order, with their style id and text (a w:br as "\n"). */
export function paragraphsOf(xml: string): XmlParagraph[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>(.*?)<\/w:p>/gs)].map((match) => {
    const body = match[1] ?? "";
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? "";
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((part) => (part[0] === "<w:br/>" ? "\n" : unescapeXml(part[1] ?? "")))
      .join("");
    return { style, text, xml: match[0] };
  });
}

/** The `<w:style>` element of a style id. */
export function styleXml(stylesXml: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, "s").exec(stylesXml);
  if (!match) throw new Error(`style ${id} not found`);
  return match[0];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

const FIXTURES = path.resolve(__dirname, "../../../../fixtures/reports");

export function loadFixture(name: string): Report {
  return parseReportFile(JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")));
}

export const FULL_FIXTURE = "wangchuan-district-2024.nianbao.json";
export const SMALL_FIXTURE = "bailu-town-2024.nianbao.json";
