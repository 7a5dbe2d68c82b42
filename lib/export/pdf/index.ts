export { exportReportPdf, type PdfExportResult } from "./export-report-pdf";
export { findImprintPlacement, placeImprintForDocx, placementFromPages, type DocxPlacement, type ImprintPages } from "./imprint-placement";
export type { PdfExportOptions } from "./prepare-typst-input";
export { findSignaturePageWarning, fitSignature, signatureFitNotice, signaturePageWarning, type SignaturePages } from "./signature-page";
export { renderReportPreview, type ReportPreview } from "./render-report-preview";
export { DEFAULT_COMPILE_TIMEOUT_MS, stopTypstEngine } from "./typst-engine";
