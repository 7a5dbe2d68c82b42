// Hosts the Typst compiler in its own process: compiling is synchronous native code that a thread cannot
// interrupt, so the server kills this process (SIGKILL) when a compile runs over its time or memory limit.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

let compiler;
let compilerKey;

function compilerFor(fontPaths, workspace) {
  const key = `${workspace}\n${fontPaths.join("\n")}`;
  if (!compiler || compilerKey !== key) {
    compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths }] });
    compilerKey = key;
  }
  return compiler;
}

const messagesOf = (nodeError) => (nodeError ? nodeError.shortDiagnostics.map((diagnostic) => String(diagnostic.message ?? JSON.stringify(diagnostic))) : []);

function handle({ fontPaths, workspace, request: { output, source, inputs, query } }) {
  const current = compilerFor(fontPaths, workspace);
  try {
    const result = current.compile({ mainFileContent: source, inputs });
    const warnings = messagesOf(result.takeWarnings());
    const document = result.result;
    if (result.hasError() || !document) return { errors: [...messagesOf(result.takeError()), ...messagesOf(result.takeDiagnostics())], warnings };
    const pageCount = document.numOfPages;
    // Layout facts the template records as metadata (the 版记's page, for the DOCX): no PDF written.
    if (output === "query") return { queried: current.query(document, { selector: query, field: "value" }), pageCount, warnings };
    // A preview with a query answers it from the same layout (the 署名's page: a tighter last page, as the PDF).
    if (output === "svg")
      return {
        svg: current.plainSvg(document),
        pageCount,
        warnings,
        ...(query ? { queried: current.query(document, { selector: query, field: "value" }) } : {}),
      };
    const pdf = current.pdf(document, { creationTimestamp: inputs.creationTimestamp ? Number(inputs.creationTimestamp) : undefined });
    // A PDF with a query answers it from the same layout (the 署名's page, for the export's warning).
    const queried = query ? { queried: current.query(document, { selector: query, field: "value" }) } : {};
    return { bytes: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice(), pageCount, warnings, ...queried };
  } finally {
    current.evictCache(10);
  }
}

process.on("message", ({ id, job }) => {
  let result;
  try {
    result = handle(job);
  } catch (error) {
    result = { errors: [error instanceof Error ? error.message : String(error)], warnings: [] };
  }
  process.send({ id, result });
});

// The server went away (even by kill -9): no one is left to answer.
process.on("disconnect", () => process.exit(0));
process.send({ ready: true });
