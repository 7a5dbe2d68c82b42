import { z } from "zod";

/** What importing a DOCX changed in 修订模式 did: the route's answer and what the review page shows. */
export const trackedImportResultSchema = z.object({
  /** The report's revision after the import (unchanged when nothing was placed). */
  revision: z.number().int(),
  insertions: z.number().int(),
  deletions: z.number().int(),
  /** Paragraphs split (Enter inside them in Word): split suggestions. */
  splits: z.number().int().default(0),
  /** Field suggestions made or updated on headings, leads, title, 主送, 落款, 抄送 and the closing. */
  fieldChanges: z.number().int(),
  /** New comment threads from the Word comments. */
  comments: z.number().int(),
  /** Word replies added to comment threads (new or already open). */
  replies: z.number().int().default(0),
  /** Word comments that were already open threads (the exported copy). */
  existingComments: z.number().int(),
  /** What could not be placed or was placed differently, in Chinese. */
  log: z.array(z.string()),
});
export type TrackedImportResult = z.infer<typeof trackedImportResultSchema>;
