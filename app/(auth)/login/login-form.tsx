"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { signInSchema, type SignIn } from "@/lib/schemas/account";

import { FormAlert } from "@/components/ui/form-alert";

import { Field } from "../field";

export function LoginForm({ initialError, oidcName }: { initialError?: string; oidcName?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState(initialError);
  const { register, handleSubmit, formState } = useForm<SignIn>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "用户名或密码错误");
      return;
    }
    router.replace("/reports");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      <Field label="用户名" autoComplete="username" error={formState.errors.username?.message} {...register("username")} />
      <Field label="密码" type="password" autoComplete="current-password" error={formState.errors.password?.message} {...register("password")} />
      <button
        type="submit"
        disabled={formState.isSubmitting}
        className="mt-2 w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {formState.isSubmitting ? "正在登录…" : "登录"}
      </button>
      {oidcName ? (
        <button
          type="button"
          onClick={() => signIn("oidc", { callbackUrl: "/reports" })}
          className="mt-3 w-full rounded-md border border-gray-300 px-4 py-2 text-sm hover:bg-gray-50"
        >
          使用{oidcName}登录
        </button>
      ) : null}
    </form>
  );
}
