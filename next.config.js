// @ts-check
// No outside calls: Next.js telemetry stays off however the app is built or started (see README).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

// Pages get their Content-Security-Policy with a fresh nonce per request from proxy.ts (lib/csp.ts). API answers
// (JSON and files, never pages) get the same policy without a nonce from here; tests/unit/security/csp.test.ts
// checks that this string is what lib/csp.ts builds. The publication route sets its own, stricter one.
const apiContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A separate build directory lets parallel test runs (or developers) build without clobbering each other.
  distDir: process.env.NIANBAO_DIST_DIR || ".next",
  // NIANBAO_BROWSER_SOURCEMAPS=1 writes the browser chunks' source maps, to see which modules the editor page's
  // JavaScript is made of (`npm run bench -- editor` then lists them per chunk). Not for a build that is served.
  productionBrowserSourceMaps: process.env.NIANBAO_BROWSER_SOURCEMAPS === "1",
  // `npm test` type-checks the whole project (tsc --noEmit) before anything else; the production build does not
  // repeat it, so a test file can never stop the app from building and the build is faster on small machines.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@myriaddreamin/typst-ts-node-compiler",
    "mammoth",
    "pdfjs-dist",
    "opencc-js",
    "bcryptjs",
    "pg",
    "exceljs",
    "yjs",
    "@hocuspocus/server",
    "ws",
  ],
  experimental: {
    serverActions: { bodySizeLimit: "25mb" },
    // forbidden() renders app/forbidden.tsx with status 403 for a role that may not open a page.
    authInterrupts: true,
  },
  async headers() {
    return [
      { source: "/api/((?!publication/).*)", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // Browsers ignore HSTS on plain http, so this only takes effect where the app is served over https.
          { key: "Strict-Transport-Security", value: "max-age=31536000" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
