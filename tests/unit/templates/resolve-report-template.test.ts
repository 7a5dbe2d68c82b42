import { describe, expect, it } from "vitest";

import { getTemplate, resolveReportTemplate } from "@/templates";

describe("[TEMPLATES]: the editor's template for a report", () => {
  it("is the report's own template, without a notice", () => {
    expect(resolveReportTemplate("township", "county")).toEqual({ template: getTemplate("township"), notice: null });
  });

  it("for an unknown template id is the agency level's template, with a notice naming both", () => {
    const { template, notice } = resolveReportTemplate("removed-2019", "township");
    expect(template.levels).toContain("township");
    expect(notice).toContain("removed-2019");
    expect(notice).toContain(template.name);
  });
});
