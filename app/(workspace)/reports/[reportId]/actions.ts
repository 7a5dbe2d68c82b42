"use server";

import { z } from "zod";

import { defineAction } from "@/lib/actions";
import { submitReport } from "@/lib/reports";
import { reportIdSchema } from "@/lib/schemas/report";

export const submitReportAction = defineAction({
  permission: "report.submit",
  schema: z.object({ reportId: reportIdSchema }),
  run: ({ db, user, input }) => submitReport({ db, user, reportId: input.reportId }),
});
