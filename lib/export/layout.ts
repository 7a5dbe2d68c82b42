// Exporter-neutral print layout shared by the DOCX and PDF exporters.
export { balanceTitleLines, TITLE_CHARS_PER_LINE } from "./layout/balance-title-lines";
export { BODY_NODE_MAP, bodyToBlocks, orderedPrefix } from "./layout/body-node-map";
export { buildPrintableReport, type PrintableOptions } from "./layout/build-printable-report";
export { closingBlocks, type ClosingLayout } from "./layout/closing-blocks";
export type { ImprintPlacement } from "./layout/imprint-placement";
export { formatValue, indicatorTable } from "./layout/indicator-table";
export { inlinesToText, plainInline, splitInlinesAt } from "./layout/inline-text";
export { keptWithSignature } from "./layout/keep-with-signature";
export { FIT_LINE_PITCHES, fitStartCandidates, fittedBlocks, fitStarts, type SignatureFit } from "./layout/signature-fit";
export { classifyParagraph } from "./layout/paragraph-role";
export { isHalfWidth, textWidthInChars } from "./layout/text-width";
export type * from "./layout/types";
