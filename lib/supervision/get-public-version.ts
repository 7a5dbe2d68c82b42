import { eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { NotFoundError, ReportError } from "@/lib/errors";
import { renderPublicHtml } from "@/lib/export/html";
import { beijingDay, formatChineseDate, isSignedStatus, reportSchema, type Report } from "@/lib/report-model";
import { findReport } from "@/lib/reports/get-report";
import { assertCan } from "@/lib/workflow/assert-can";
import { findTemplate } from "@/templates";

import { findReportForSupervisor } from "./find-supervised-report";
import { redactPersonalData, type Redaction } from "./redact-personal-data";
import { safeFileName } from "./zip-stream";

export interface PublicVersion {
  reportId: string;
  agencyName: string;
  year: number;
  status: string;
  title: string;
  html: string;
  /** The signed report as published: personal data hidden (the stored report is unchanged). */
  publicReport: Report;
  /** What the public version changed against the signed text (personal data hidden). */
  redactions: Redaction[];
  /** Personal data the redaction could not hide; nothing may be published while any remain. */
  unresolved: Array<{ where: string; reason: string }>;
  /** e.g. 示例县水务局_2025年度法治政府建设年度报告（公开版） */
  fileBaseName: string;
  /** YYYY-MM-DD when already marked 已公开. */
  publishedOn: string | null;
  publishedUrl: string | null;
  isOwnAgency: boolean;
}

/** The publication package's page of a signed report, for its own agency or a supervising one. */
export async function getPublicVersion({ db, user, reportId }: { db: Database; user: SessionUser; reportId: string }): Promise<PublicVersion> {
  assertCan(user, "report.export");
  const own = await findReport({ db, user, reportId });
  const row = own ?? (await findReportForSupervisor({ db, user, reportId }));
  if (!row) throw new NotFoundError("报告");
  if (!isSignedStatus(row.status)) throw new ReportError("INVALID_STATE", "not signed", { userMessage: "报告签发后才能生成公开版本" });
  const [agency] = await db.select({ name: tables.agencies.name }).from(tables.agencies).where(eq(tables.agencies.id, row.agencyId));
  const content = reportSchema.parse(row.content);
  const template = findTemplate(content.templateId) ?? undefined;
  const { report, redactions, unresolved } = redactPersonalData(content);
  const agencyName = agency?.name ?? content.meta.agency;
  const publishedOn = row.publishedAt ? beijingDay(row.publishedAt) : null;
  const footerLines = [`${agencyName} · ${row.year}年度法治政府建设年度报告（公开版）`];
  if (content.meta.date) footerLines.push(`成文日期：${formatChineseDate(content.meta.date)}`);
  if (publishedOn) footerLines.push(`公开日期：${formatChineseDate(publishedOn)}`);
  return {
    reportId: row.id,
    agencyName,
    year: row.year,
    status: row.status,
    title: content.meta.title,
    publicReport: report,
    html: renderPublicHtml(report, { template, isHeadingBold: template?.layout.isHeadingBold ?? false, footerLines }),
    redactions,
    unresolved,
    fileBaseName: `${safeFileName(agencyName)}_${row.year}年度法治政府建设年度报告（公开版）`,
    publishedOn,
    publishedUrl: row.publishedUrl,
    isOwnAgency: own !== null,
  };
}
