"use client";

import { useEffect, useRef, useState } from "react";

export interface PartsOutlineRenameProps {
  /** The numeral shown before the input, e.g. "三、". */
  prefix: string;
  heading: string;
  /** The new heading (Enter or leaving the field), or null (Esc). */
  onDone: (heading: string | null) => void;
}

/** Renames a part in place in the outline: Enter or leaving the field keeps the text, Esc cancels. */
export function PartsOutlineRename({ prefix, heading, onDone }: PartsOutlineRenameProps) {
  const [value, setValue] = useState(heading);
  const inputRef = useRef<HTMLInputElement>(null);
  const isDone = useRef(false);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const finish = (result: string | null) => {
    if (isDone.current) return;
    isDone.current = true;
    onDone(result === null ? null : result.trim());
  };

  return (
    <span className="flex min-w-0 flex-1 items-center gap-0.5">
      <span aria-hidden className="shrink-0 font-medium">
        {prefix}
      </span>
      <input
        ref={inputRef}
        aria-label={`${prefix}部分标题`}
        data-testid="outline-rename-input"
        value={value}
        maxLength={200}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.nativeEvent.isComposing) {
            event.preventDefault();
            finish(value);
          } else if (event.key === "Escape") {
            event.preventDefault();
            finish(null);
          }
        }}
        onBlur={() => finish(value)}
        className="min-w-0 flex-1 rounded border border-blue-700 px-1 py-0.5 text-sm outline-none"
      />
    </span>
  );
}
