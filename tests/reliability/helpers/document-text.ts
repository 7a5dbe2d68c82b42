import { unzipSync, strFromU8 } from "fflate";

/** word/document.xml of a DOCX, raw (escaping is what is asserted). */
export function docxDocumentXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const xml = files["word/document.xml"];
  if (!xml) throw new Error("DOCX without word/document.xml");
  return strFromU8(xml);
}

/** The text layer of a PDF, pages joined, whitespace removed (lines wrap anywhere in CJK text). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 })
    .promise;
  let text = "";
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
    const content = await (await document.getPage(pageNumber)).getTextContent();
    for (const item of content.items) if ("str" in item) text += item.str;
  }
  await document.destroy();
  return text.replace(/\s+/g, "");
}
