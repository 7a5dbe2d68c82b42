"use client";

import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { Suggestion } from "@/lib/report-model";

import { FieldDiff } from "./field-diff";

/** A suggestion as listed beside the editor, with the name of the part it sits in. */
export type ListedSuggestion = Suggestion & { place: string };

const KIND_LABELS = { insert: "插入", delete: "删除", split: "分段", replace: "修改为" } as const;

export type ResolveSuggestionsAction = (input: {
  reportId: string;
  decision: "accept" | "reject";
  ids: string[] | "all";
}) => Promise<ActionResult<{ revision: number; resolved: number; remaining: number }>>;

export interface SuggestionsPanelProps {
  reportId: string;
  suggestions: ListedSuggestion[];
  /** The drafter in draft/returned, the reviewer in review, the approver before sign-off. */
  canResolve: boolean;
  onResolve: ResolveSuggestionsAction;
}

/**
 * 修订: every suggestion with its author and time; accept or reject one or all. Deciding saves on the server and
 * reloads the page, so every editor shows the decided text.
 */
export function SuggestionsPanel({ reportId, suggestions, canResolve, onResolve }: SuggestionsPanelProps) {
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  if (suggestions.length === 0) return null;

  function resolve(decision: "accept" | "reject", ids: string[] | "all") {
    setError(undefined);
    startTransition(async () => {
      const result = await onResolve({ reportId, decision, ids });
      if (!result.ok) setError(result.message);
      else window.location.reload();
    });
  }

  return (
    <section aria-labelledby="suggestions-title" className="space-y-2" data-testid="suggestions-panel">
      <div className="flex items-center justify-between gap-2">
        <h2 id="suggestions-title" className="text-sm font-semibold">
          修订（{suggestions.length}处）
        </h2>
        {canResolve && (
          <div className="flex gap-1">
            <Button size="sm" disabled={isPending} onClick={() => resolve("accept", "all")}>
              全部接受
            </Button>
            <Button size="sm" variant="danger" disabled={isPending} onClick={() => resolve("reject", "all")}>
              全部拒绝
            </Button>
          </div>
        )}
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
      <ol className="space-y-2">
        {suggestions.map((suggestion) => (
          <li key={`${suggestion.kind}-${suggestion.id}`} className="rounded border border-stone-200 p-2 text-sm" data-testid={`suggestion-${suggestion.id}`}>
            <p className="text-xs text-stone-500">
              {suggestion.place} · {suggestion.authorName || "（未署名）"} · {formatDateTime(new Date(suggestion.at))}
            </p>
            <p className="mt-1 break-words">
              <span className="mr-1 text-xs text-stone-600">{KIND_LABELS[suggestion.kind]}</span>
              {suggestion.kind === "replace" ? (
                <FieldDiff from={suggestion.from} to={suggestion.to} target={suggestion.location} />
              ) : suggestion.kind === "split" ? (
                <span>
                  在“{suggestion.before}”之后另起一段<ins className="suggestion suggestion-split-sign">↵</ins>
                </span>
              ) : suggestion.kind === "insert" ? (
                <ins className="suggestion">{suggestion.text}</ins>
              ) : (
                <del className="suggestion">{suggestion.text}</del>
              )}
            </p>
            {canResolve && (
              <div className="mt-1 flex gap-1">
                <Button
                  size="sm"
                  disabled={isPending}
                  onClick={() => resolve("accept", [suggestion.id])}
                  aria-label={`接受修订“${suggestion.text || KIND_LABELS[suggestion.kind]}”`}
                >
                  接受
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={isPending}
                  onClick={() => resolve("reject", [suggestion.id])}
                  aria-label={`拒绝修订“${suggestion.text || KIND_LABELS[suggestion.kind]}”`}
                >
                  拒绝
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
