import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { transitionReport } from "@/lib/workflow/transition-report";

export interface SubmitReportOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
}

/** Draft → 待审核, only when no error-severity finding remains; the state machine in lib/workflow decides. */
export async function submitReport({ db, user, reportId }: SubmitReportOptions): Promise<{ status: "in_review" }> {
  await transitionReport({ db, user, reportId, input: { transition: "submit" } });
  return { status: "in_review" };
}
