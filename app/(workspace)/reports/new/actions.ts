"use server";

import { defineAction } from "@/lib/actions";
import { acceptImport, createReport } from "@/lib/reports";
import { acceptImportSchema } from "@/lib/schemas/import";
import { createReportSchema } from "@/lib/schemas/report";

export const createReportAction = defineAction({
  permission: "report.create",
  schema: createReportSchema,
  run: ({ db, user, input }) => createReport({ db, user, input }),
});

export const acceptImportAction = defineAction({
  permission: "report.import",
  schema: acceptImportSchema,
  run: ({ db, user, input }) => acceptImport({ db, user, input }),
});
