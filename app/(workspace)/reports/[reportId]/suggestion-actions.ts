"use server";

import { defineAction } from "@/lib/actions";
import { resolveReportSuggestions, resolveSuggestionsSchema } from "@/lib/reports";

/** Accept or reject suggestions (修订): the verb checks the agency and who may decide in the report's state. */
export const resolveSuggestionsAction = defineAction({
  permission: "report.read",
  schema: resolveSuggestionsSchema,
  run: ({ db, user, input }) => resolveReportSuggestions({ db, user, input }),
});
