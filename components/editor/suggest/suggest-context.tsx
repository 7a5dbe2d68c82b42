"use client";

import { createContext, useContext } from "react";

import type { SuggestAuthor } from "./suggest-mode";

const SuggestAuthorContext = createContext<SuggestAuthor | null>(null);

/** Body editors inside type in suggestion mode (修订模式) as `author`; null means ordinary editing. */
export function SuggestModeProvider({ author, children }: { author: SuggestAuthor | null; children: React.ReactNode }) {
  return <SuggestAuthorContext.Provider value={author}>{children}</SuggestAuthorContext.Provider>;
}

/** The reviewer whose typing becomes suggestions, or null when the editor edits normally. */
export function useSuggestAuthor(): SuggestAuthor | null {
  return useContext(SuggestAuthorContext);
}
