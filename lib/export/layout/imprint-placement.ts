/**
 * Where the 版记 stands, which only a layout knows (the PDF engine's, findImprintPlacement): GB/T 9704 puts it on an
 * even page, at the foot of the body's last page when that page is even and it fits there ("samePage"), else alone on
 * the next page ("nextPage") or after a blank page ("afterBlankPage"). The pages after the body's last carry no
 * page number (7.5).
 */
export type ImprintPlacement = "samePage" | "nextPage" | "afterBlankPage";
