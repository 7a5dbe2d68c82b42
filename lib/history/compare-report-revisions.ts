import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { reportSchema } from "@/lib/report-model";
import { compareRevisionsSchema } from "@/lib/schemas/workflow";
import { assertCan } from "@/lib/workflow/assert-can";

import { getRevision } from "./get-revision";
import { countRevisionsUpTo } from "./list-revisions";
import { compareRevisionContents, type RevisionContentDiff } from "./suggestion-kinds";

export type { RevisionSectionDiff } from "./suggestion-kinds";

export interface RevisionDiff extends RevisionContentDiff {
  /** `number` is the 第N版 people see (list-revisions.ts); `revision` the internal save counter. */
  older: { id: string; revision: number; number: number; status: string };
  newer: { id: string; revision: number; number: number; status: string };
}

/** Differences between any two revisions, per part with changed characters; the older one goes first whichever way they are given. */
export async function compareReportRevisions({
  db,
  user,
  reportId,
  input,
}: {
  db: Database;
  user: SessionUser;
  reportId: string;
  input: { olderId: string; newerId: string };
}): Promise<RevisionDiff> {
  assertCan(user, "report.history");
  const ids = compareRevisionsSchema.parse(input);
  let older = await getRevision({ db, user, reportId, revisionId: ids.olderId });
  let newer = await getRevision({ db, user, reportId, revisionId: ids.newerId });
  if (older.revision > newer.revision) [older, newer] = [newer, older];
  const comparison = compareRevisionContents(reportSchema.parse(older.content), reportSchema.parse(newer.content));
  const describe = async (row: typeof older) => ({
    id: row.id,
    revision: row.revision,
    number: await countRevisionsUpTo(db, reportId, row.revision),
    status: row.status,
  });
  return { ...comparison, older: await describe(older), newer: await describe(newer) };
}
