import type { ActionResult } from "@/lib/errors";

/** The parts and items of the report, for anchoring comments and assignments. */
export interface OutlineSection {
  id: string;
  heading: string;
  items: Array<{ id: string; heading: string }>;
}

export type Action<Input, Output> = (input: Input) => Promise<ActionResult<Output>>;
