export {
  applyTrackedChanges,
  wordAuthorId,
  type ApplyTrackedOptions,
  type ApplyTrackedResult,
  type PlacedComment,
  type WordReply,
} from "./apply-tracked-changes";
export { readTrackedDocx } from "./read-tracked-docx";
export type { TrackedComment, TrackedDocument, TrackedParagraph } from "./types";
