"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import type { ActionResult } from "@/lib/errors";

/** Runs a server action, keeps its error message, and refreshes the server data after success. */
export function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  const run = <T>(action: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) =>
    new Promise<boolean>((resolve) => {
      setError(undefined);
      startTransition(async () => {
        const result = await action();
        if (!result.ok) {
          const fieldMessage = Object.values(result.fieldErrors ?? {})[0]?.[0];
          setError(fieldMessage ?? result.message);
          resolve(false);
          return;
        }
        onSuccess?.(result.data);
        router.refresh();
        resolve(true);
      });
    });
  return { run, error, isPending, clearError: () => setError(undefined) };
}
