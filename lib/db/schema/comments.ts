import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { reports } from "./reports";
import { users } from "./users";

/** A discussion anchored to a part, an item, or a range of text in one field of an item. */
export const commentThreads = pgTable(
  "comment_threads",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    /** Null for a comment on the whole report (e.g. the reason for returning it). */
    sectionId: text("section_id"),
    itemId: text("item_id"),
    /** heading | body | lead | indicators | meta */
    field: text("field"),
    /** Character offsets into the field's plain text, when a range was selected. */
    rangeFrom: integer("range_from"),
    rangeTo: integer("range_to"),
    /** The selected text when the thread was opened, shown even after the text changes. */
    quote: text("quote").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (table) => [index("comment_threads_report").on(table.reportId)],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => commentThreads.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [index("comments_thread").on(table.threadId)],
);
