import { bigserial, customType, index, integer, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";

import type { RichDoc } from "@/lib/report-model";

import { reports } from "./reports";
import { users } from "./users";

/** Binary Yjs state; node-postgres and PGlite both return bytea as a Uint8Array (Buffer). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => new Uint8Array(value),
});

/** The compacted Yjs document of a report's live bodies (migration 0009). */
export const reportCollabStates = pgTable("report_collab_states", {
  reportId: uuid("report_id")
    .primaryKey()
    .references(() => reports.id, { onDelete: "cascade" }),
  state: bytea("state").notNull(),
  /** Each body as it was when the state and the report JSON last agreed: the base for outside edits. */
  bodies: jsonb("bodies").$type<Record<string, RichDoc>>().notNull(),
  /** The report revision the state last agreed with. */
  revision: integer("revision").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every Yjs update, appended before it is acknowledged; folded into the state when the report is written. */
export const reportCollabUpdates = pgTable(
  "report_collab_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    update: bytea("update").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("report_collab_updates_report").on(table.reportId, table.id)],
);
