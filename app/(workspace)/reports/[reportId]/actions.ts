"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/actions";
import { submitReport } from "@/lib/reports";
import { reportIdSchema } from "@/lib/schemas/report";

export const submitReportAction = defineAction({
  permission: "report.submit",
  schema: z.object({ reportId: reportIdSchema }),
  run: ({ db, user, input }) => submitReport({ db, user, reportId: input.reportId }),
  // The page the drafter is on draws again in the same answer: the 退回 banner goes and the 我的任务 count in the
  // header is the new one; the report lists and task page are fresh on the next visit.
  onSuccess: ({ input }) => {
    revalidatePath(`/reports/${input.reportId}`);
    revalidatePath(`/reports/${input.reportId}/history`);
    revalidatePath("/reports");
    revalidatePath("/assignments");
  },
});
