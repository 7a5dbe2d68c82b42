export { isSameJson as isSameContent } from "@/lib/collab";
