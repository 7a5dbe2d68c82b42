import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">页面不存在</h1>
      <p className="mt-3 text-gray-600">您访问的页面或报告不存在，或者您无权查看。</p>
      <Link href="/reports" className="mt-6 inline-block text-brand-700 underline">
        返回报告列表
      </Link>
    </main>
  );
}
