/** Millimetres to twips, rounded (docx's own converter truncates: 37 mm → 2097 instead of 2098). */
export function mmToTwip(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

/** How far below the top of its 14 pt line the ink of a 4号 一字线 starts. */
export const DASH_INK_DROP_MM = 2.4;

/** A4 in twips. */
export const PAGE_SIZE = { width: 11906, height: 16838 } as const;

/** GB/T 9704 margins: 天头 37, 订口 28, 切口 26, 地脚 35 mm (版心 156 × 225 mm). */
export const PAGE_MARGINS = {
  top: mmToTwip(37),
  left: mmToTwip(28),
  right: mmToTwip(26),
  bottom: mmToTwip(35),
  header: mmToTwip(15),
  /**
   * The top of the 一字线 of "— 1 —" 7 mm under the 版心 (GB/T 9704 7.5). The page number line is 14 pt high and the
   * dash's ink starts 2.4 mm below its top (宋体 / FandolSong, measured on the LibreOffice render), so the line
   * starts 7 − 2.4 mm under the 版心: 35 − 4.6 mm − 14 pt from the page bottom.
   */
  footer: mmToTwip(35 - (7 - DASH_INK_DROP_MM) - (14 * 25.4) / 72),
  gutter: 0,
} as const;

/** 225 mm / 22 lines = 28.95 pt, in twentieths of a point. */
export const LINE_PITCH = 579;

/** 3号 text needs −0.25 pt tracking for 28 characters to fit the 156 mm line (twentieths of a point). */
export const BODY_TRACKING = -5;

/** Advance of one 3号 character after tracking: 15.75 pt, in twips. */
export const CHAR_WIDTH = 315;

/** Width of the 版心 in twips (156 mm). */
export const TEXT_WIDTH = mmToTwip(156);

/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const FONT_SIZE = { title: 44, body: 32, small: 28 } as const;

/**
 * Exact line height inside tables (4号 text): one grid step less the 0.75 pt border LibreOffice adds to each row,
 * so that rows (at least one step per estimated line) make the table a whole number of grid steps high.
 */
export const TABLE_LINE = 564;
