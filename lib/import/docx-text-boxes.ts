/**
 * Text boxes as mammoth can read them. A text box is written twice in `mc:AlternateContent`: as a drawing
 * (`mc:Choice`, wps:txbx) and as VML for old readers (`mc:Fallback`, v:textbox), and mammoth reads only the
 * fallback. LibreOffice writes that fallback empty (`<w:pict></w:pict>`), so a 文号 or any other text in a text box of
 * a file LibreOffice saved was lost: such a fallback gets the drawing's own text box content.
 */
const ALTERNATE = /<mc:AlternateContent\b[^>]*>([\s\S]*?)<\/mc:AlternateContent>/g;
const TEXT_BOX = /<w:txbxContent\b[^>]*>[\s\S]*<\/w:txbxContent>/;
const FALLBACK = /<mc:Fallback\b[^>]*>[\s\S]*?<\/mc:Fallback>|<mc:Fallback\b[^>]*\/>/;

export function withTextBoxFallbacks(documentXml: string): string {
  if (!documentXml.includes("<mc:AlternateContent")) return documentXml;
  return documentXml.replace(ALTERNATE, (whole: string, inner: string) => {
    // Nested alternate content (a text box inside a text box) is left as it is.
    if (inner.includes("<mc:AlternateContent")) return whole;
    const fallback = FALLBACK.exec(inner)?.[0] ?? "";
    if (fallback.includes("<w:txbxContent")) return whole;
    const box = TEXT_BOX.exec(inner.replace(FALLBACK, ""))?.[0];
    if (!box) return whole;
    const filled = `<mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback>`;
    return fallback ? whole.replace(fallback, filled) : whole.replace("</mc:AlternateContent>", `${filled}</mc:AlternateContent>`);
  });
}
