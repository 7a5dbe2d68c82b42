import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

import { REPORT_STATUSES, type Report } from "@/lib/report-model";

import { agencies } from "./agencies";
import { users } from "./users";

export const reports = pgTable(
  "reports",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    templateId: text("template_id").notNull(),
    /** draft | in_review | returned | reviewed | signed | published */
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("draft"),
    title: text("title").notNull(),
    content: jsonb("content").$type<Report>().notNull(),
    /** Increments on every save; a save names the revision it was based on. */
    revision: integer("revision").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedNote: text("published_note"),
    /** Address where the public version was published (supervision). */
    publishedUrl: text("published_url"),
  },
  (table) => [unique("reports_agency_year").on(table.agencyId, table.year)],
);

export const reportRevisions = pgTable(
  "report_revisions",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    status: text("status", { enum: REPORT_STATUSES }).notNull(),
    content: jsonb("content").$type<Report>().notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Last save coalesced into this revision. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    note: text("note"),
  },
  (table) => [index("report_revisions_report").on(table.reportId, table.revision)],
);
