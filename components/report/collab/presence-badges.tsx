"use client";

import { createContext, useContext } from "react";

import type { PresencePerson } from "@/lib/collab";

import { cn } from "@/components/ui/cn";

/** The other windows of the report, as the last heartbeat returned them. */
export const PresenceContext = createContext<PresencePerson[]>([]);

const TONES = [
  "bg-sky-100 text-sky-900 ring-sky-300",
  "bg-emerald-100 text-emerald-900 ring-emerald-300",
  "bg-violet-100 text-violet-900 ring-violet-300",
  "bg-amber-100 text-amber-900 ring-amber-300",
  "bg-rose-100 text-rose-900 ring-rose-300",
  "bg-teal-100 text-teal-900 ring-teal-300",
];

/** A stable colour per person. */
export function toneOf(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return TONES[hash % TONES.length]!;
}

/** One chip per person (several windows of one person count once). */
function uniquePeople(people: PresencePerson[]): PresencePerson[] {
  const seen = new Map<string, PresencePerson>();
  for (const person of people) if (!seen.has(person.userId)) seen.set(person.userId, person);
  return [...seen.values()];
}

/** Who else has the cursor in this item: shown on the item ("full") and in the outline ("compact"). */
export function PresenceBadge({ itemId, variant = "full" }: { itemId: string; variant?: "full" | "compact" }) {
  const people = uniquePeople(useContext(PresenceContext).filter((person) => person.itemId === itemId));
  if (people.length === 0) return null;
  const names = people.map((person) => person.displayName).join("、");
  return (
    <span
      data-testid={`presence-${variant === "full" ? "item" : "outline"}-${itemId}`}
      data-people={names}
      title={`${names}正在编辑此条目`}
      className="inline-flex shrink-0 items-center gap-1"
    >
      {people.map((person) => (
        <span key={person.userId} className={cn("inline-flex items-center rounded-full px-1.5 text-xs leading-5 ring-1", toneOf(person.userId))}>
          {variant === "full" ? `${person.displayName}正在编辑` : person.displayName.slice(0, 1)}
        </span>
      ))}
      {variant === "compact" && <span className="sr-only">{`${names}正在编辑`}</span>}
    </span>
  );
}

/** Everyone else who has the report open, under the top bar. */
export function PresenceList({ people, itemLabel }: { people: PresencePerson[]; itemLabel: (itemId: string) => string | null }) {
  const unique = uniquePeople(people);
  if (unique.length === 0) return null;
  return (
    <p data-testid="presence-list" className="flex flex-wrap items-center gap-2 border-b border-stone-200 bg-white px-4 py-1 text-xs text-stone-700">
      <span>同时打开此报告：</span>
      {unique.map((person) => {
        const where = person.itemId ? itemLabel(person.itemId) : null;
        return (
          <span key={person.userId} data-testid="presence-person" className={cn("rounded-full px-2 leading-5 ring-1", toneOf(person.userId))}>
            {person.displayName}
            {where ? `（在“${where}”）` : ""}
          </span>
        );
      })}
    </p>
  );
}
