import type { OutlineSection } from "./types";

/** `<option>`s for each part ("sectionId|") and its items ("sectionId|itemId"), items indented under their part. */
export function OutlineOptions({ outline, sectionSuffix = "" }: { outline: OutlineSection[]; sectionSuffix?: string }) {
  return outline.map((section) => [
    <option key={section.id} value={`${section.id}|`}>
      {section.heading}
      {sectionSuffix}
    </option>,
    ...section.items.map((item) => (
      <option key={item.id} value={`${section.id}|${item.id}`}>
        {"　"}
        {item.heading || "（无标题条目）"}
      </option>
    )),
  ]);
}
