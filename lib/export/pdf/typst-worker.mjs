// Hosts the one Typst compiler of the process on a worker thread: compiling is synchronous native code,
// so running it here keeps the server responsive and lets the caller give up on a compile that hangs.
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

const require = createRequire(import.meta.url);
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

const compiler = NodeCompiler.create({ workspace: workerData.workspace, fontArgs: [{ fontPaths: workerData.fontPaths }] });

const messagesOf = (nodeError) => (nodeError ? nodeError.shortDiagnostics.map((diagnostic) => String(diagnostic.message ?? JSON.stringify(diagnostic))) : []);

function handle({ output, source, inputs }) {
  const result = compiler.compile({ mainFileContent: source, inputs });
  const warnings = messagesOf(result.takeWarnings());
  const document = result.result;
  if (result.hasError() || !document) return { errors: [...messagesOf(result.takeError()), ...messagesOf(result.takeDiagnostics())], warnings };
  const pageCount = document.numOfPages;
  if (output === "svg") return { svg: compiler.plainSvg(document), pageCount, warnings };
  const pdf = compiler.pdf(document, { creationTimestamp: inputs.creationTimestamp ? Number(inputs.creationTimestamp) : undefined });
  const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
  return { bytes, pageCount, warnings };
}

parentPort.on("message", ({ id, request }) => {
  try {
    const response = handle(request);
    parentPort.postMessage({ id, response }, response.bytes ? [response.bytes.buffer] : []);
  } catch (error) {
    parentPort.postMessage({ id, response: { errors: [error instanceof Error ? error.message : String(error)], warnings: [] } });
  } finally {
    compiler.evictCache(10);
  }
});

parentPort.postMessage({ ready: true });
