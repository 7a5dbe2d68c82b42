import path from "node:path";

import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** A PostgreSQL server; when unset the embedded PGlite database under DATA_DIR is used. */
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头")
      .optional(),
  ),
  /** Where the embedded database, the session secret and uploads live. */
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  /** Session signing secret; generated once into DATA_DIR when unset. */
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalString,
  /** Hours without activity until a session expires. */
  SESSION_MAX_AGE_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().min(0.05).max(720).default(8)),
  /** Hours after sign-in when a session ends however active it is. */
  SESSION_ABSOLUTE_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().min(0.05).max(2160).default(24)),
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated); nobody else's is. */
  TRUSTED_PROXIES: z.preprocess(emptyAsUndefined, z.string().default("")),
  /** Optional single sign-on (OpenID Connect). All three must be set to enable it. */
  OIDC_ISSUER: optionalString,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: z.preprocess(emptyAsUndefined, z.string().default("统一身份认证")),
  /** The agency's licensed fonts for PDF export. */
  FONTS_DIR: z.preprocess(emptyAsUndefined, z.string().default("./fonts")),
  /** Longest a PDF compile may run before the export fails with a message (milliseconds). */
  PDF_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1000).max(600_000).default(20_000)),
  /** The agency's own mail server for notification e-mail (smtp://user:pass@host:25 or smtps://…); off when unset. */
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL 必须以 smtp:// 或 smtps:// 开头")
      .optional(),
  ),
  /** The sender of notification e-mail, e.g. "年报 <nianbao@example.gov.cn>". */
  SMTP_FROM: z.preprocess(emptyAsUndefined, z.string().default("年报 <nianbao@localhost>")),
  /** The address people open the app at, used for links in e-mail (e.g. http://nianbao.example.gov.cn). */
  PUBLIC_URL: optionalString,
  /** Largest upload (import) in megabytes. */
  MAX_UPLOAD_MB: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(200).default(20)),
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`环境变量配置有误，请修改后重新启动：\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Validated environment; the only place that reads process.env. */
export const env: Env = loadEnv();

export const dataDirectory = path.resolve(env.DATA_DIR);

export function isOidcEnabled(): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}
