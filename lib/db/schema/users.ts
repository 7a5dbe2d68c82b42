import { sql } from "drizzle-orm";
import { boolean, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

import { ROLES } from "@/lib/report-model";

import { agencies } from "./agencies";

export const users = pgTable("users", {
  id: uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  /** bcrypt hash; null for single-sign-on accounts. */
  passwordHash: text("password_hash"),
  isActive: boolean("is_active").notNull().default(true),
  /** Optional: notifications are also mailed here when the agency's SMTP server is configured (SMTP_URL). */
  email: text("email"),
  /** Raised (by database triggers) on password, activation and role changes and on sign-out: older sessions end. */
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    /** admin | drafter | reviewer | approver | supervisor */
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("memberships_user_agency_role").on(table.userId, table.agencyId, table.role)],
);

/** Failed sign-ins, for rate limiting per account and per address. */
export const loginAttempts = pgTable("login_attempts", {
  id: uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  /** "user:<name>" or "ip:<address>" */
  key: text("key").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
