/**
 * Typst's plain SVG stacks every page in one <svg>: per page a white background <path> ("M 0 0v H h W …")
 * and a <g> (moved down by a translate after the first page), then one shared <defs> of glyphs.
 * This cuts it into one standalone SVG per page, each keeping only the glyphs it uses.
 */
export function splitSvgPages(svg: string): string[] {
  const open = /^<svg\b[^>]*>/.exec(svg);
  const closeAt = svg.lastIndexOf("</svg>");
  if (!open || closeAt === -1) throw new Error("排版引擎返回的 SVG 无法识别");
  const children = topLevelElements(svg.slice(open[0].length, closeAt));
  const defs = children.find((child) => child.startsWith("<defs"));
  const symbols = defs ? symbolsById(defs) : new Map<string, string>();
  const pages: string[] = [];
  let offset = 0;
  for (let index = 0; index < children.length; index += 1) {
    const background = children[index]!;
    const size = /^<path class="typst-shape"[^>]*\bd="M 0 0v ([\d.]+) h ([\d.]+)/.exec(background);
    const content = children[index + 1];
    if (!size || !content?.startsWith("<g")) continue;
    const height = Number(size[1]);
    const width = Number(size[2]);
    const used = new Set([...content.matchAll(/xlink:href="#([^"]+)"/g)].map((match) => match[1]!));
    const glyphs = [...used].map((id) => symbols.get(id) ?? "").join("");
    pages.push(
      `<svg class="typst-page" viewBox="0 ${offset} ${width} ${height}" width="${width}pt" height="${height}pt" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` +
        `<path fill="#ffffff" d="M 0 ${offset} h ${width} v ${height} h -${width} Z"/>${content}<defs>${glyphs}</defs></svg>`,
    );
    offset += height;
    index += 1;
  }
  return pages;
}

/** The direct children of a fragment, as source strings (comments and text between them dropped). */
function topLevelElements(fragment: string): string[] {
  const elements: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let start = -1;
  for (let match = tag.exec(fragment); match; match = tag.exec(fragment)) {
    const [whole, closing, , selfClosing] = match;
    if (closing) {
      depth -= 1;
      if (depth === 0) elements.push(fragment.slice(start, match.index + whole.length));
    } else if (selfClosing) {
      if (depth === 0) elements.push(whole);
    } else {
      if (depth === 0) start = match.index;
      depth += 1;
    }
  }
  return elements;
}

function symbolsById(defs: string): Map<string, string> {
  const symbols = new Map<string, string>();
  for (const match of defs.matchAll(/<symbol\b[^>]*\bid="([^"]+)"[^>]*>[\s\S]*?<\/symbol>/g)) symbols.set(match[1]!, match[0]);
  return symbols;
}
