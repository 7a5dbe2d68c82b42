"use server";

import { revalidatePath } from "next/cache";

import { createAgencyUser, createChildAgency, resetPassword, setUserActive, updateAgencyProfile, updateUserRoles } from "@/lib/admin";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toActionResult, type ActionResult } from "@/lib/errors";
import type { CreateUser } from "@/lib/schemas/account";
import type { AgencySettingsInput, CreateChildAgency, ResetPassword, SetUserActive, UpdateUserRoles } from "@/lib/schemas/admin";

async function run<T>(
  action: "users.manage" | "agency.manage",
  verb: (options: { db: Awaited<ReturnType<typeof getDb>>; user: Awaited<ReturnType<typeof requireUser>> }) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const user = await requireUser(action);
    const data = await verb({ db: await getDb(), user });
    revalidatePath("/admin");
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function createUserAction(input: CreateUser) {
  return run("users.manage", ({ db, user }) => createAgencyUser({ db, user, input }));
}

export async function updateUserRolesAction(input: UpdateUserRoles) {
  return run("users.manage", ({ db, user }) => updateUserRoles({ db, user, input }));
}

export async function setUserActiveAction(input: SetUserActive) {
  return run("users.manage", ({ db, user }) => setUserActive({ db, user, input }));
}

export async function resetPasswordAction(input: ResetPassword) {
  return run("users.manage", async ({ db, user }) => {
    await resetPassword({ db, user, input });
    return null;
  });
}

export async function updateAgencyProfileAction(input: AgencySettingsInput) {
  return run("agency.manage", async ({ db, user }) => {
    await updateAgencyProfile({ db, user, input });
    return null;
  });
}

export async function createChildAgencyAction(input: CreateChildAgency) {
  return run("agency.manage", ({ db, user }) => createChildAgency({ db, user, input }));
}
