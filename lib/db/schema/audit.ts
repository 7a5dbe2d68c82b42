import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Append-only: nothing in the app updates or deletes a row. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    username: text("username"),
    agencyId: uuid("agency_id"),
    /** e.g. sign_in, sign_in_failed, report.create, report.export, report.status */
    action: text("action").notNull(),
    targetId: text("target_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
  },
  (table) => [index("audit_events_agency_at").on(table.agencyId, table.at)],
);
