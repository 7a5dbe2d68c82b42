"use server";

import { revalidatePath } from "next/cache";

import { defineAction } from "@/lib/actions";
import { reportIdSchema } from "@/lib/schemas/report";
import { recordPublicationSchema } from "@/lib/schemas/supervision";
import { recordPublication } from "@/lib/supervision";

/** 标记为已公开 with the address and the date; the verb checks the role, the agency and the report's state. */
export const recordPublicationAction = defineAction({
  permission: "report.publish",
  schema: recordPublicationSchema.extend({ reportId: reportIdSchema }),
  run: ({ db, user, input: { reportId, ...input } }) => recordPublication({ db, user, reportId, input }),
  onSuccess: ({ input: { reportId } }) => {
    revalidatePath(`/publication/${reportId}`);
    revalidatePath(`/reports/${reportId}`);
    revalidatePath("/reports");
  },
});
