import type { Metadata } from "next";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "年报 · 法治政府建设年度报告", template: "%s · 年报" },
  description: "法治政府建设年度报告的起草、校验、沿用与导出",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
