"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { AGENCY_LEVEL_LABELS, AGENCY_LEVELS } from "@/lib/report-model";
import { setupSchema } from "@/lib/schemas/account";

import { FormAlert } from "@/components/ui/form-alert";

import { Field } from "../field";
import { setupAction } from "./actions";

const formSchema = setupSchema
  .extend({ confirmPassword: z.string().min(1, "请再次输入密码") })
  .refine((values) => values.password === values.confirmPassword, { message: "两次输入的密码不一致", path: ["confirmPassword"] });
type SetupFormValues = z.infer<typeof formSchema>;

export function SetupForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<SetupFormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { agencyLevel: "department" },
  });
  const errors = formState.errors;

  const onSubmit = handleSubmit(async ({ confirmPassword: _confirm, ...values }) => {
    setFormError(undefined);
    const result = await setupAction(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        setError(field as keyof SetupFormValues, { message: messages[0] });
      }
      setFormError(result.message);
      return;
    }
    await signIn("credentials", { username: values.username, password: values.password, redirect: false });
    router.replace("/reports");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      <Field label="机关名称" placeholder="例如：某某市司法局" error={errors.agencyName?.message} {...register("agencyName")} />
      <div className="mb-4">
        <label htmlFor="agencyLevel" className="mb-1 block text-sm font-medium text-gray-700">
          机关层级
        </label>
        <select id="agencyLevel" className="block w-full rounded-md border border-gray-300 px-3 py-2 text-sm" {...register("agencyLevel")}>
          {AGENCY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {AGENCY_LEVEL_LABELS[level]}
            </option>
          ))}
        </select>
      </div>
      <Field label="管理员用户名" autoComplete="username" error={errors.username?.message} {...register("username")} />
      <Field label="管理员姓名" error={errors.displayName?.message} {...register("displayName")} />
      <Field label="密码（至少10个字符）" type="password" autoComplete="new-password" error={errors.password?.message} {...register("password")} />
      <Field label="确认密码" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...register("confirmPassword")} />
      <button
        type="submit"
        disabled={formState.isSubmitting}
        className="mt-2 w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {formState.isSubmitting ? "正在创建…" : "创建机关和管理员"}
      </button>
    </form>
  );
}
