// The permission table is a pure rule of the model (lib/report-model/permissions.ts); this path stays for its many callers.
export { ACTIONS, can, permissionTable, type Action } from "@/lib/report-model/permissions";
