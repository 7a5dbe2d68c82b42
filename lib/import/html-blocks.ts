import { decodeEntities } from "./html-entities";
import { normalizeSpaces } from "./source-blocks";
import type { SourceBlock } from "./types";

const RAW_TEXT = new Set(["script", "style", "textarea", "title", "noscript", "template", "svg", "math", "iframe", "object"]);
const SKIPPED = new Set(["nav", "header", "footer", "aside", "form", "select", "button", "head", "menu"]);
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "center",
  "br",
  "hr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "body",
  "html",
  "figure",
  "figcaption",
  "address",
  "caption",
]);
const BOLD = new Set(["strong", "b"]);
/** class/id words that mark page chrome on sites without semantic tags. */
const CHROME_CLASS = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|position|footer|foot|share|copyright|sidebar|toolbar|topbar|fontsize)([\s_-]|$)/i;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]{0,38})/y;

export interface HtmlBlockOptions {
  /** DOCX via mammoth: h1–h6 are real heading levels; on a web page they are not. */
  hasStyledHeadings: boolean;
}

/** Text blocks of an HTML document (a small linear tokenizer; no DOM). */
export function htmlToBlocks(html: string, options: HtmlBlockOptions): SourceBlock[] {
  const builder = new BlockBuilder(options);
  const lower = html.toLowerCase();
  // The next ">" is remembered: searching afresh for every stray "<" (as in "1<2") would be quadratic.
  let nextGreater = -2;
  const findGreater = (from: number): number => {
    if (nextGreater === -1 || nextGreater >= from) return nextGreater;
    nextGreater = html.indexOf(">", from);
    return nextGreater;
  };
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf("<", index);
    if (open < 0) {
      builder.text(html.slice(index));
      break;
    }
    if (open > index) builder.text(html.slice(index, open));
    if (html.startsWith("<!--", open)) {
      const close = html.indexOf("-->", open + 4);
      index = close < 0 ? html.length : close + 3;
      continue;
    }
    TAG.lastIndex = open;
    const tag = TAG.exec(html);
    const end = findGreater(open + 1);
    if (!tag || end < 0) {
      if (!tag && html[open + 1] !== "!" && html[open + 1] !== "?") builder.text("<");
      index = tag || html[open + 1] === "!" || html[open + 1] === "?" ? (end < 0 ? html.length : end + 1) : open + 1;
      continue;
    }
    const name = tag[2]!.toLowerCase();
    const isClosing = tag[1] === "/";
    index = end + 1;
    if (!isClosing && RAW_TEXT.has(name) && !html.slice(open, end).endsWith("/")) {
      const close = lower.indexOf(`</${name}`, index);
      index = close < 0 ? html.length : Math.max(index, lower.indexOf(">", close) + 1 || html.length);
      continue;
    }
    const attributes = html.slice(open, end);
    builder.tag(name, isClosing, attributes.endsWith("/"), attributes);
  }
  return builder.finish();
}

class BlockBuilder {
  private blocks: SourceBlock[] = [];
  /** Text of the block being built, in pieces joined once at flush (appending to one string is slower). */
  private buffer: string[] = [];
  private bold = "";
  private boldState: "start" | "in" | "after" | "closed" = "start";
  private level: number | undefined;
  private skip: { name: string; depth: number } | undefined;
  private table: { rows: string[][]; depth: number } | undefined;

  constructor(private readonly options: HtmlBlockOptions) {}

  text(raw: string): void {
    if (this.skip) return;
    const text = raw.includes("&") ? decodeEntities(raw).replace(/\s+/g, " ") : raw.replace(/\s+/g, " ");
    if (this.table) return this.cellText(text);
    if (this.boldState === "in") this.bold += text;
    else if (this.boldState !== "closed" && text.trim()) this.boldState = "closed";
    this.buffer.push(text);
  }

  tag(name: string, isClosing: boolean, isSelfClosing: boolean, attributes: string): void {
    if (this.skip) {
      if (name === this.skip.name && !isSelfClosing) this.skip.depth += isClosing ? -1 : 1;
      if (this.skip.depth <= 0) this.skip = undefined;
      return;
    }
    if (!isClosing && !isSelfClosing && (SKIPPED.has(name) || (/^(div|ul|ol|span|p|section|dl)$/.test(name) && CHROME_CLASS.test(classAndId(attributes))))) {
      this.skip = { name, depth: 1 };
      return;
    }
    if (name === "table") return this.tableTag(isClosing);
    if (this.table) return this.tableInner(name, isClosing);
    if (BOLD.has(name)) {
      if (!isClosing && (this.boldState === "start" || this.boldState === "after")) this.boldState = "in";
      else if (isClosing && this.boldState === "in") this.boldState = "after";
      return;
    }
    if (BLOCK.has(name)) {
      this.flush();
      const heading = /^h([1-6])$/.exec(name);
      if (heading && !isClosing && this.options.hasStyledHeadings) this.level = Number(heading[1]);
    }
  }

  private tableTag(isClosing: boolean): void {
    if (!isClosing) {
      if (this.table) return void (this.table.depth += 1);
      this.flush();
      this.table = { rows: [], depth: 1 };
      return;
    }
    if (!this.table) return;
    this.table.depth -= 1;
    if (this.table.depth > 0) return;
    const rows = this.table.rows.map((row) => row.map(normalizeSpaces)).filter((row) => row.some(Boolean));
    this.table = undefined;
    if (rows.length === 0) return;
    // A page's metadata table (索引号, 发布机构…) is chrome: give it to noise removal as one line.
    const flat = rows.map((row) => row.join(" ")).join(" ");
    if (!this.options.hasStyledHeadings && /索引号|发布机构|主题分类|发文日期|成文日期/.test(flat)) this.blocks.push({ text: normalizeSpaces(flat) });
    else if (rows.length === 1 && rows[0]!.length === 1) this.blocks.push({ text: rows[0]![0]! });
    else this.blocks.push({ text: "", table: rows });
  }

  private tableInner(name: string, isClosing: boolean): void {
    const table = this.table!;
    if (table.depth > 1) return this.cellText(" ");
    if (name === "tr" && !isClosing) table.rows.push([]);
    else if ((name === "td" || name === "th") && !isClosing) {
      if (table.rows.length === 0) table.rows.push([]);
      table.rows[table.rows.length - 1]!.push("");
    } else if (BLOCK.has(name)) this.cellText(" ");
  }

  private cellText(text: string): void {
    const row = this.table!.rows[this.table!.rows.length - 1];
    if (!row || row.length === 0) return;
    row[row.length - 1] += text;
  }

  private flush(): void {
    if (this.buffer.length === 0 && this.bold === "" && this.boldState === "start" && this.level === undefined) return;
    // A web page's source line breaks inside Chinese text become spaces; mammoth writes none, so a DOCX's
    // spaces are the official's own ("42所 中小学") and stay for validation to report with a fix.
    const join = this.options.hasStyledHeadings ? (value: string) => value : joinHan;
    const text = join(normalizeSpaces(this.buffer.join("")));
    if (text) {
      const bold = join(normalizeSpaces(this.bold));
      const block: SourceBlock = { text };
      if (bold && this.boldState !== "start" && text.startsWith(bold)) block.boldLead = bold;
      if (this.level) block.styleLevel = this.level;
      this.blocks.push(block);
    }
    this.buffer = [];
    this.bold = "";
    this.boldState = "start";
    this.level = undefined;
  }

  finish(): SourceBlock[] {
    if (this.table) this.tableTag(true);
    this.flush();
    return this.blocks;
  }
}

function classAndId(attributes: string): string {
  return [...attributes.matchAll(/\b(?:class|id)\s*=\s*["']?([^"'>]*)/gi)].map((match) => match[1]).join(" ");
}

/** Source line breaks inside Chinese text become spaces in HTML; Chinese has no spaces between characters. */
function joinHan(text: string): string {
  return text.replace(/([\p{Script=Han}，。；：、！？“”（）])\s+(?=[\p{Script=Han}，。；：、！？“”（）])/gu, "$1");
}
