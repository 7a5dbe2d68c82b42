/**
 * The Content-Security-Policy of every page (set by proxy.ts with a fresh nonce per request) and, without a
 * nonce, of every API answer (next.config.js, which must spell out the same string: a unit test compares them).
 *
 * Scripts run only from this server's own files or when they carry the request's nonce: Next.js puts the nonce
 * on its inline bootstrap and flight-data scripts, so an injected `<script>` or event handler never runs.
 * Styles keep 'unsafe-inline' (React and the editor set `style` attributes; a style cannot run code).
 */
export function contentSecurityPolicy(nonce: string | undefined, isDev = false): string {
  return [
    "default-src 'self'",
    // React's development build uses eval for its error overlay; the production build never does.
    `script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ""}${isDev ? " 'unsafe-eval'" : ""}`,
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
}
