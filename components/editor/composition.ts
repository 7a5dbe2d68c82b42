"use client";

import { useEffect, useMemo, useRef } from "react";

/**
 * True for key events that belong to an IME composition (the Enter that confirms a candidate).
 * `keyCode` 229 covers browsers that fire keydown after compositionend.
 */
export function isImeKeyEvent(event: { isComposing?: boolean; keyCode?: number; nativeEvent?: { isComposing?: boolean } }): boolean {
  return Boolean(event.isComposing || event.nativeEvent?.isComposing || event.keyCode === 229);
}

export interface CompositionTracker {
  /** True from compositionstart until the task after compositionend (see editor-pitfalls 3b). */
  isComposing: () => boolean;
  /** Runs `callback` once no composition is in progress (immediately when none is). */
  whenIdle: (callback: () => void) => void;
}

/** Tracks IME composition anywhere in the document, for autosave and validation to wait on. */
export function useCompositionTracker(): CompositionTracker {
  const composingRef = useRef(false);
  const waitingRef = useRef<Array<() => void>>([]);

  useEffect(() => {
    let resetTimer: ReturnType<typeof setTimeout> | undefined;
    const onStart = () => {
      clearTimeout(resetTimer);
      composingRef.current = true;
    };
    const onEnd = () => {
      clearTimeout(resetTimer);
      // compositionend can precede the confirming Enter keydown; stay "composing" until that has passed.
      resetTimer = setTimeout(() => {
        composingRef.current = false;
        const waiting = waitingRef.current.splice(0);
        for (const callback of waiting) callback();
      }, 0);
    };
    document.addEventListener("compositionstart", onStart, true);
    document.addEventListener("compositionend", onEnd, true);
    return () => {
      clearTimeout(resetTimer);
      document.removeEventListener("compositionstart", onStart, true);
      document.removeEventListener("compositionend", onEnd, true);
    };
  }, []);

  return useMemo<CompositionTracker>(
    () => ({
      isComposing: () => composingRef.current,
      whenIdle: (callback) => {
        if (!composingRef.current) callback();
        else waitingRef.current.push(callback);
      },
    }),
    [],
  );
}
