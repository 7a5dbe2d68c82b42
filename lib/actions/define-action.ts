import "server-only";

import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import { requireUser, type SessionUser } from "@/lib/auth";
import { getDb, type Database } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { toErrorBodyOrInternal } from "@/lib/http";
import type { Action } from "@/lib/permissions";

export interface ActionContext<TInput> {
  db: Database;
  user: SessionUser;
  input: TInput;
}

export interface DefineActionOptions<TSchema extends z.ZodType, TData> {
  /** What the user's role must allow; checked first, before the input is read. */
  permission: Action;
  /** The input schema; a failure answers `INVALID_INPUT` with the field errors. */
  schema: TSchema;
  /** The verb: it receives the parsed input and still checks the record belongs to the user's agency. */
  run: (context: ActionContext<z.output<TSchema>>) => Promise<TData>;
  /** After success (paths to revalidate). */
  onSuccess?: (context: { input: z.output<TSchema>; data: TData }) => void;
}

/**
 * The one shape of a server action: session and role, then the schema, then the verb, and every error as
 * the failure envelope (unexpected ones logged and answered `INTERNAL`). Next's redirects pass through.
 */
export function defineAction<TSchema extends z.ZodType, TData>(
  options: DefineActionOptions<TSchema, TData>,
): (input: z.input<TSchema>) => Promise<ActionResult<TData>> {
  return async (input) => {
    try {
      const user = await requireUser(options.permission);
      const parsed = options.schema.parse(input);
      const data = await options.run({ db: await getDb(), user, input: parsed });
      options.onSuccess?.({ input: parsed, data });
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      return toErrorBodyOrInternal(error);
    }
  };
}

export interface DefinePublicActionOptions<TSchema extends z.ZodType, TData> {
  schema: TSchema;
  /** The verb must refuse by itself whatever the public may not do (e.g. setup once a user exists). */
  run: (context: { db: Database; input: z.output<TSchema> }) => Promise<TData>;
}

/** An action without a session (first-run setup only): the schema, the verb, the same envelope. */
export function definePublicAction<TSchema extends z.ZodType, TData>(
  options: DefinePublicActionOptions<TSchema, TData>,
): (input: z.input<TSchema>) => Promise<ActionResult<TData>> {
  return async (input) => {
    try {
      const parsed = options.schema.parse(input);
      return { ok: true, data: await options.run({ db: await getDb(), input: parsed }) };
    } catch (error) {
      unstable_rethrow(error);
      return toErrorBodyOrInternal(error);
    }
  };
}
