import { z } from "zod";

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** Body of POST /api/reports/:id/presence: a heartbeat of one editor window. */
export const presenceHeartbeatSchema = z.object({
  clientId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  itemId: idSchema.nullable().default(null),
  sectionId: idSchema.nullable().default(null),
  /** The window is closing: remove it now instead of waiting for the time-to-live. */
  isLeaving: z.boolean().default(false),
});
export type PresenceHeartbeat = z.input<typeof presenceHeartbeatSchema>;

/** Another window of the report, as the editor shows it. */
export const presencePersonSchema = z.object({
  clientId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  itemId: z.string().nullable(),
  sectionId: z.string().nullable(),
});
export type PresencePerson = z.infer<typeof presencePersonSchema>;

/** Answer to a heartbeat: who else is here, and the report's state (the editor locks and refreshes on it). */
export const presenceSnapshotSchema = z.object({ people: z.array(presencePersonSchema), status: z.string(), revision: z.number().int() });
export type PresenceSnapshot = z.infer<typeof presenceSnapshotSchema>;
