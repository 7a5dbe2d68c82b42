export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <div className="text-3xl font-bold tracking-widest text-brand-700">年报</div>
          <div className="mt-1 text-sm text-gray-500">法治政府建设年度报告 起草 · 校验 · 导出</div>
        </div>
        <div className="rounded-lg border border-gray-200 bg-white p-8 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
