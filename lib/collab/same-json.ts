// The one deep equality lives with the model; collab's modules and its callers keep this import path.
export { isSameJson } from "@/lib/report-model";
