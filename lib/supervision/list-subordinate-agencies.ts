import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";

export interface SubordinateAgency {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  settings: typeof tables.agencies.$inferSelect.settings;
  /** 1 for direct subordinates. */
  depth: number;
}

/** Every agency whose parent chain leads to `agencyId` (not the agency itself), in tree order. */
export async function listSubordinateAgencies(db: Database, agencyId: string): Promise<SubordinateAgency[]> {
  const all = await db.select().from(tables.agencies);
  const children = new Map<string, typeof all>();
  for (const agency of all) {
    if (!agency.parentId) continue;
    const list = children.get(agency.parentId) ?? [];
    list.push(agency);
    children.set(agency.parentId, list);
  }
  const result: SubordinateAgency[] = [];
  const seen = new Set<string>([agencyId]);
  const visit = (parentId: string, depth: number) => {
    const list = (children.get(parentId) ?? []).sort((a, b) => a.name.localeCompare(b.name, "zh-Hans-CN"));
    for (const agency of list) {
      if (seen.has(agency.id)) continue; // a cycle in bad data must not loop forever
      seen.add(agency.id);
      result.push({ id: agency.id, name: agency.name, level: agency.level, parentId: agency.parentId, settings: agency.settings, depth });
      visit(agency.id, depth + 1);
    }
  };
  visit(agencyId, 1);
  return result;
}
