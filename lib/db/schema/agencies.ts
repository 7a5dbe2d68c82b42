import { sql } from "drizzle-orm";
import { type AnyPgColumn, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { AGENCY_LEVELS, type AgencyFrame } from "@/lib/report-model";

export interface AgencySettings {
  /** MM-DD of the following year. */
  submissionDeadline?: string;
  disclosureDeadline?: string;
  fontProfile?: "gb2312" | "windows";
  defaultMainRecipient?: string;
  defaultSignature?: string;
  /** GB/T 9704 版头/版记 defaults for the agency's exports (red 发文机关标志, 签发人, seal, 印发机关). */
  frame?: AgencyFrame;
}

export const agencies = pgTable("agencies", {
  id: uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  name: text("name").notNull().unique(),
  /** province | city | county | township | department */
  level: text("level", { enum: AGENCY_LEVELS }).notNull(),
  parentId: uuid("parent_id").references((): AnyPgColumn => agencies.id),
  settings: jsonb("settings").$type<AgencySettings>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
