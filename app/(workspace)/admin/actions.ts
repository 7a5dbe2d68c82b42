"use server";

import { revalidatePath } from "next/cache";

import { defineAction } from "@/lib/actions";
import { createAgencyUser, createChildAgency, resetPassword, setUserActive, updateAgencyProfile, updateUserRoles } from "@/lib/admin";
import { createUserSchema } from "@/lib/schemas/account";
import { agencySettingsSchema, createChildAgencySchema, resetPasswordSchema, setUserActiveSchema, updateUserRolesSchema } from "@/lib/schemas/admin";

const refreshAdmin = () => revalidatePath("/admin");

export const createUserAction = defineAction({
  permission: "users.manage",
  schema: createUserSchema,
  run: ({ db, user, input }) => createAgencyUser({ db, user, input }),
  onSuccess: refreshAdmin,
});

export const updateUserRolesAction = defineAction({
  permission: "users.manage",
  schema: updateUserRolesSchema,
  run: ({ db, user, input }) => updateUserRoles({ db, user, input }),
  onSuccess: refreshAdmin,
});

export const setUserActiveAction = defineAction({
  permission: "users.manage",
  schema: setUserActiveSchema,
  run: ({ db, user, input }) => setUserActive({ db, user, input }),
  onSuccess: refreshAdmin,
});

export const resetPasswordAction = defineAction({
  permission: "users.manage",
  schema: resetPasswordSchema,
  run: async ({ db, user, input }) => {
    await resetPassword({ db, user, input });
    return null;
  },
  onSuccess: refreshAdmin,
});

export const updateAgencyProfileAction = defineAction({
  permission: "agency.manage",
  schema: agencySettingsSchema,
  run: async ({ db, user, input }) => {
    await updateAgencyProfile({ db, user, input });
    return null;
  },
  onSuccess: refreshAdmin,
});

export const createChildAgencyAction = defineAction({
  permission: "agency.manage",
  schema: createChildAgencySchema,
  run: ({ db, user, input }) => createChildAgency({ db, user, input }),
  onSuccess: refreshAdmin,
});
