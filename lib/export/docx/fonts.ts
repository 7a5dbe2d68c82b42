import type { FontProfile } from "../options";

/** The East Asian face of each role; Latin letters and digits always use LATIN_FONT. */
export interface RoleFonts {
  /** 2号 title: 小标宋 */
  title: string;
  /** 一、 headings: 黑体 */
  heading1: string;
  /** （一） headings: 楷体 */
  heading2: string;
  /** Body text, 1. and （1） headings, tables: 仿宋 */
  body: string;
  /** Page numbers: 宋体 */
  pageNumber: string;
}

export const LATIN_FONT = "Times New Roman";

/**
 * Windows ships 仿宋/楷体/黑体/宋体 but no 小标宋; the title keeps 方正小标宋简体, which government machines
 * almost always have, and Word falls back to the default East Asian face where it is missing.
 */
export const ROLE_FONTS: Record<FontProfile, RoleFonts> = {
  gb2312: { title: "方正小标宋简体", heading1: "黑体", heading2: "楷体_GB2312", body: "仿宋_GB2312", pageNumber: "宋体" },
  windows: { title: "方正小标宋简体", heading1: "黑体", heading2: "楷体", body: "仿宋", pageNumber: "宋体" },
};

/** Characters shared by Latin and CJK fonts (curly quotes, middle dot, dashes, ellipsis, ●) that Word sets in the Latin face unless hinted. */
const AMBIGUOUS = /[“”‘’·—–―…●]/;

/** The run font object: Latin slots in Times New Roman, the East Asian slot per role, hinted where needed. */
export function runFont(eastAsia: string, text: string, latin = LATIN_FONT) {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia, ...(AMBIGUOUS.test(text) ? { hint: "eastAsia" } : {}) };
}

export const RUN_LANGUAGE = { value: "en-US", eastAsia: "zh-CN" } as const;
