import path from "node:path";

/**
 * Folder of report.typ and typst-worker.mjs. Resolved from the working directory (the repo root for
 * `npm start`, the CLI and tests) because bundlers rewrite `__dirname` in server code.
 */
export const PDF_DIRECTORY = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "export", "pdf");
