// Runs in the browser before the app's own modules (Next.js client instrumentation hook).
import { config } from "zod/v4/core";

// Zod probes `new Function("")` once to decide whether to compile fast parsers. The page's CSP (no 'unsafe-eval',
// lib/csp.ts) refuses it, and Chromium reports even that caught probe as a securitypolicyviolation; without eval
// zod parses exactly the same way, only without the compiled fast path.
config({ jitless: true });
