import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { agencies } from "./agencies";
import { users } from "./users";

/** A supervising agency's reminder to a subordinate about one report year, shown on that agency's report list. */
export const reminders = pgTable(
  "reminders",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    fromAgencyId: uuid("from_agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    toAgencyId: uuid("to_agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    message: text("message").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("reminders_to_agency_year").on(table.toAgencyId, table.year)],
);
