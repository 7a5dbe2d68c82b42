// @ts-check
// No outside calls: Next.js telemetry stays off however the app is built or started (see README).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

// The Content-Security-Policy carries a fresh nonce per request, so proxy.ts sets it (lib/csp.ts), not this file.

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A separate build directory lets parallel test runs (or developers) build without clobbering each other.
  distDir: process.env.NIANBAO_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tsc --noEmit) before anything else; the production build does not
  // repeat it, so a test file can never stop the app from building and the build is faster on small machines.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@electric-sql/pglite", "@myriaddreamin/typst-ts-node-compiler", "mammoth", "pdfjs-dist", "opencc-js", "bcryptjs", "pg", "exceljs", "yjs", "@hocuspocus/server", "ws"],
  experimental: {
    serverActions: { bodySizeLimit: "25mb" },
    // forbidden() renders app/forbidden.tsx with status 403 for a role that may not open a page.
    authInterrupts: true,
  },
  async headers() {
    return [
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
