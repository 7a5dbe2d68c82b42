"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">出现了意外错误</h1>
      <p className="mt-3 text-gray-600">操作没有完成。已保存的内容不受影响；未保存的修改仍暂存在本机浏览器中。</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-white">
        重试
      </button>
    </main>
  );
}
