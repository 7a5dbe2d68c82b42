import type { Metadata } from "next";
import Link from "next/link";

import { isSetupOpen } from "@/lib/accounts";
import { getDb } from "@/lib/db";

import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "初始设置" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await isSetupOpen(await getDb()))) {
    return (
      <div role="status">
        <h1 className="mb-3 text-xl font-semibold">系统已完成初始化</h1>
        <p className="mb-6 text-sm text-gray-600">初始设置只能进行一次。如需新增账号，请由本机关管理员在系统内添加。</p>
        <Link href="/login" className="text-brand-700 underline">
          前往登录
        </Link>
      </div>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">初始设置</h1>
      <p className="mb-6 text-sm text-gray-600">创建第一个机关及其管理员账号。完成后此页面将关闭。</p>
      <SetupForm />
    </>
  );
}
