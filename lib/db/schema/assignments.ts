import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { ASSIGNMENT_STATUSES } from "@/lib/report-model";

import { reports } from "./reports";
import { users } from "./users";

/** A part (itemId null) or one item of a report given to a colleague to write. */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id),
    sectionId: text("section_id").notNull(),
    itemId: text("item_id"),
    /** YYYY-MM-DD */
    dueDate: date("due_date", { mode: "string" }),
    note: text("note").notNull().default(""),
    /** open | done */
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull().default("open"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (table) => [index("assignments_report").on(table.reportId), index("assignments_assignee").on(table.assigneeId)],
);
