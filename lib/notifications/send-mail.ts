import "server-only";

import nodemailer from "nodemailer";

import { env } from "@/lib/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends one e-mail over the agency's own SMTP server (SMTP_URL). Off by default: without SMTP_URL nothing is
 * sent. A mail failure never fails the action that caused it; it is reported and the in-app notification stays.
 */
export async function sendMail(message: MailMessage, smtpUrl = env.SMTP_URL): Promise<"sent" | "off" | "failed"> {
  if (!smtpUrl) return "off";
  try {
    const transport = nodemailer.createTransport(smtpUrl);
    await transport.sendMail({ from: env.SMTP_FROM, to: message.to, subject: message.subject, text: message.text });
    transport.close();
    return "sent";
  } catch (error) {
    console.error(`[邮件] 发送到 ${message.to} 失败：${error instanceof Error ? error.message : String(error)}`);
    return "failed";
  }
}
