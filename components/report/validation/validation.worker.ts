// The editor's live validation off the main thread: the rules and the confusion lexicon load only here,
// so typing never waits for a check and the page's own JavaScript stays small.
import { validateForEditor, type EditorValidationContext } from "./editor-validation";
import type { ValidationRequest, ValidationResponse } from "./protocol";

const scope = self as unknown as { onmessage: ((event: MessageEvent<ValidationRequest>) => void) | null; postMessage: (message: ValidationResponse) => void };
let context: EditorValidationContext | undefined;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === "context") {
    context = request.context;
    return;
  }
  try {
    if (!context) throw new Error("validation context not set");
    scope.postMessage({ id: request.id, result: validateForEditor(request.report, context) });
  } catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
