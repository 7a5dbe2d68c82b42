/** Messages from the server to the import/export worker process (structured-cloned, so bytes stay bytes). */
export type JobMessage =
  | { kind: "import-file"; bytes: Uint8Array; fileName: string; maxBytes: number }
  | { kind: "import-text"; text: string; maxBytes: number }
  | { kind: "export-docx"; report: unknown; options: unknown };
