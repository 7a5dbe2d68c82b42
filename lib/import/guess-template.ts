/** Template of the new report from the agency name: governments and their offices report differently from departments. */
export function guessTemplateId(agency: string): string {
  if (/(乡|镇|街道)(人民政府|办事处)?$|街道办事处$|乡人民政府$|镇人民政府$/.test(agency)) return "township";
  if (/人民政府$/.test(agency)) return "county-government";
  return "department";
}
