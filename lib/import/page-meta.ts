/** Facts a published web page states around the report (not part of the report text). */
export interface PageMeta {
  /** 发布时间 / 时间 / 日期, ISO. */
  publishedOn?: string;
  /** 成文日期 from the page's metadata table, ISO. */
  writtenOn?: string;
  /** 发布机构 / 信息来源. */
  publisher?: string;
}

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

export function toIsoDate(text: string): string | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 2000 || year > 2100) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const LABELLED_DATE = /(成文日期|发布日期|发文日期|发布时间|时间|日期)\s*[\]】:：]?\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/g;
const PUBLISHER = /(发布机构|信息来源|来源)\s*[\]】:：]\s*([\p{Script=Han}A-Za-z（）()]{2,30})/u;

/** Reads dates and publisher from one noise line of page chrome (metadata tables, "时间：…" lines). */
export function readPageMeta(line: string, meta: PageMeta): void {
  for (const match of line.matchAll(LABELLED_DATE)) {
    const iso = toIsoDate(match[2]!);
    if (!iso) continue;
    if (match[1] === "成文日期") meta.writtenOn ??= iso;
    else meta.publishedOn ??= iso;
  }
  const publisher = PUBLISHER.exec(line);
  if (publisher && !meta.publisher) meta.publisher = publisher[2]!.replace(/(主题分类|发文字号|成文日期|发布日期).*$/, "");
}
