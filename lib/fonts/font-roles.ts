/** The typefaces a GB/T 9704 document uses, by what they are used for. */
export const FONT_ROLES = ["title", "heading1", "heading2", "body", "pageNumber", "latin"] as const;
export type FontRole = (typeof FONT_ROLES)[number];

/** Font names written into DOCX files: the GB2312 commercial set or the Windows built-ins. */
export type FontNameProfile = "gb2312" | "windows";

export const FONT_ROLE_LABELS: Record<FontRole, string> = {
  title: "标题（小标宋）",
  heading1: "一级标题（黑体）",
  heading2: "二级标题（楷体）",
  body: "正文（仿宋）",
  pageNumber: "页码（宋体）",
  latin: "西文与数字（Times New Roman）",
};

/** The font each role asks for; a substitution reports this name as `requested`. */
export const REQUESTED_FONTS: Record<FontNameProfile, Record<FontRole, string>> = {
  gb2312: {
    title: "方正小标宋简体",
    heading1: "黑体",
    heading2: "楷体_GB2312",
    body: "仿宋_GB2312",
    pageNumber: "宋体",
    latin: "Times New Roman",
  },
  windows: {
    title: "方正小标宋简体",
    heading1: "黑体",
    heading2: "楷体",
    body: "仿宋",
    pageNumber: "宋体",
    latin: "Times New Roman",
  },
};

/** Other names of the requested fonts (Latin names inside the Windows files), normalised. */
export const FONT_NAME_ALIASES: Record<string, string[]> = {
  方正小标宋简体: ["fzxiaobiaosong-b05s", "fzxiaobiaosongb05s", "方正小标宋_gbk"],
  黑体: ["simhei"],
  楷体_gb2312: ["kaiti_gb2312"],
  楷体: ["kaiti", "simkai"],
  仿宋_gb2312: ["fangsong_gb2312"],
  仿宋: ["fangsong", "simfang"],
  宋体: ["simsun"],
  timesnewroman: [],
};

/** Any name of an agency font that makes it fit a role (checked after the exact names). */
export const ROLE_NAME_PATTERNS: Record<FontRole, { match: RegExp; exclude?: RegExp }> = {
  title: { match: /小标宋|xiaobiaosong/ },
  heading1: { match: /黑体|simhei|heiti|fzhei/ },
  heading2: { match: /楷体|kaiti|simkai|fzkai/ },
  body: { match: /仿宋|fangsong|simfang/ },
  pageNumber: { match: /宋体|simsun|songti|shusong/, exclude: /仿宋|小标宋|fangsong|xiaobiaosong/ },
  latin: { match: /timesnewroman|^times$/ },
};

/** Open substitutes prepared by `setup-fonts` in `.cache/fonts`; `family` is the name Typst knows them by. */
export const SUBSTITUTE_FONTS: Record<FontRole, { file: string; family: string; faceFamily?: string }> = {
  title: { file: "NotoSerifCJK-Bold.ttc", family: "Noto Serif CJK SC" },
  heading1: { file: "FandolHei-Regular.otf", family: "FandolHei" },
  heading2: { file: "FandolKai-Regular.otf", family: "FandolKai" },
  // Fandol's family record is "FandolFang R"; "FandolFang" would silently fall back to another font.
  body: { file: "FandolFang-Regular.otf", family: "FandolFang R" },
  pageNumber: { file: "FandolSong-Regular.otf", family: "FandolSong" },
  latin: { file: "LiberationSerif-Regular.ttf", family: "Liberation Serif" },
};

/** Extra faces of a substitute family (bold/italic) loaded beside the main file. */
export const SUBSTITUTE_EXTRA_FILES: Partial<Record<FontRole, string[]>> = {
  latin: ["LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"],
};

/** Lower-case, without spaces, for comparing font names. */
export function normalizeFontName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, "");
}
