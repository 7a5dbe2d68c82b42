export { buildReportDocument, type DocxExportOptions } from "./build-report-document";
export { exportReportDocx } from "./export-report-docx";
export { LATIN_FONT, ROLE_FONTS, type RoleFonts } from "./fonts";
export { BLOCK_RENDERERS } from "./node-map";
export { STYLE_IDS } from "./styles";
export { mmToTwip, PAGE_MARGINS, PAGE_SIZE } from "./units";
