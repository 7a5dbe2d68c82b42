"use client";

import { useLayoutEffect, useRef } from "react";

/** A ref that always holds the last committed `value`, for callbacks created once (timers, listeners, editors). */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
