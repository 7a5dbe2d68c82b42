import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { isSetupOpen } from "@/lib/accounts";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { env, isOidcEnabled } from "@/lib/env";

import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };
export const dynamic = "force-dynamic";

const ERROR_MESSAGES: Record<string, string> = {
  AccessDenied: "该统一身份认证账号尚未在本系统开通，请联系管理员",
  SessionRequired: "请先登录",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await isSetupOpen(await getDb())) redirect("/setup");
  if (await getCurrentUser()) redirect("/reports");
  const { error } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">登录</h1>
      <LoginForm initialError={error ? (ERROR_MESSAGES[error] ?? "登录失败，请重试") : undefined} oidcName={isOidcEnabled() ? env.OIDC_NAME : undefined} />
    </>
  );
}
