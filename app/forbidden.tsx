import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "无权访问" };

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center" data-testid="forbidden">
      <h1 className="text-2xl font-semibold">无权访问</h1>
      <p className="mt-3 text-gray-600">您的角色不能打开这个页面。如需使用，请联系本机关的管理员调整您的角色。</p>
      <Link href="/reports" className="mt-6 inline-block text-brand-700 underline">
        返回报告列表
      </Link>
    </main>
  );
}
