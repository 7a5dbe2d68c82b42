"use client";

import { createContext, useContext } from "react";

/** Text selected in an item body, as review comments anchor it (plain-text offsets of `docToText`). */
export interface CommentSelection {
  sectionId: string;
  itemId: string;
  field: "body";
  from: number;
  to: number;
  quote: string;
}

export type SelectCommentRange = (itemId: string, range: { from: number; to: number; quote: string } | null) => void;

/** The current selection, read by the comments panel. */
export const CommentSelectionContext = createContext<CommentSelection | null>(null);
/** A stable setter, used by item bodies (kept apart so a new selection does not re-render every item). */
export const SelectCommentRangeContext = createContext<SelectCommentRange>(() => undefined);

export function useCommentSelection(): CommentSelection | null {
  return useContext(CommentSelectionContext);
}

export function useSelectCommentRange(): SelectCommentRange {
  return useContext(SelectCommentRangeContext);
}
