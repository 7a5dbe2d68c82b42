import type { Metadata } from "next";
import { connection } from "next/server";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "年报 · 法治政府建设年度报告", template: "%s · 年报" },
  description: "法治政府建设年度报告的起草、校验、沿用与导出",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so Next.js can put the request's CSP nonce (proxy.ts) on its scripts;
  // a page prerendered at build time would carry none and its scripts would be refused.
  await connection();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
