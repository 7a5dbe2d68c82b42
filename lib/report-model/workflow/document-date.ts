import { formatChineseDate } from "../numerals";

export interface DocumentDateCheck {
  /** The printed 成文日期 (`meta.date`, YYYY-MM-DD), empty when not filled in. */
  documentDate: string;
  /** The Beijing day (YYYY-MM-DD) the report was last approved (审核通过), if it was. */
  approvedOn?: string;
  /** The Beijing day (YYYY-MM-DD) of the sign-off: today. */
  today: string;
}

export interface DocumentDateIssue {
  /** A future 成文日期 cannot be the day of signing: sign-off is refused. Otherwise the approver is warned and may sign. */
  isBlocking: boolean;
  message: string;
}

/**
 * What is wrong with the 成文日期 at 签发, or undefined. The 党政机关公文处理工作条例 (第九条) makes the 成文日期 the day
 * the head of the agency signed: not after today, and not before the report was approved for signing.
 * An empty date is a validation error of its own (rule 1), not repeated here.
 */
export function documentDateIssue({ documentDate, approvedOn, today }: DocumentDateCheck): DocumentDateIssue | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(documentDate)) return undefined;
  const printed = formatChineseDate(documentDate);
  if (documentDate > today) {
    return { isBlocking: true, message: `成文日期（${printed}）晚于今天（${formatChineseDate(today)}），签发时成文日期应为签发当天` };
  }
  if (approvedOn && documentDate < approvedOn) {
    return { isBlocking: false, message: `成文日期（${printed}）早于审核通过日期（${formatChineseDate(approvedOn)}），成文日期应为签发当天` };
  }
  return undefined;
}
