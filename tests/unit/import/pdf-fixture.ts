import { existsSync } from "node:fs";

/** A one-page PDF with the given content stream, xref offsets computed (Helvetica as the only font). */
export function buildMinimalPdf(contentStream: string): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${contentStream.length} >>\nstream\n${contentStream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

export const CJK_FONT_DIRECTORY = "/usr/share/fonts/opentype/noto";
export const hasCjkFont = existsSync(CJK_FONT_DIRECTORY);

/** The simplified fixture laid out by Typst like an official document (indented paragraphs, centred title). */
export async function buildTypstPdf(text: string): Promise<Uint8Array> {
  const { NodeCompiler } = await import("@myriaddreamin/typst-ts-node-compiler");
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [CJK_FONT_DIRECTORY] }] });
  const [title, ...rest] = text.trim().split(/\n+/);
  const escape = (line: string) => line.replace(/[\\#*_`$@<>\[\]]/g, (char) => `\\${char}`);
  const body = rest
    .map((line) =>
      /^(市委|[一二三四五六七八九十]+、)/.test(line) || /^青禾市水务局$|^\d{4}年\d+月\d+日$/.test(line) ? `#block[${escape(line)}]` : `#par[${escape(line)}]`,
    )
    .join("\n\n");
  const source = `#set page(paper: "a4")\n#set text(font: "Noto Serif CJK SC", size: 12pt)\n#set par(first-line-indent: (amount: 2em, all: true), justify: true)\n#align(center)[${escape(title!)}]\n\n${body}\n`;
  return new Uint8Array(compiler.pdf({ mainFileContent: source }));
}
