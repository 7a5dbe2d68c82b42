import { z } from "zod";

const isoDateOrEmpty = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")]);

/**
 * GB/T 9704 版头, 附件说明, seal layout and 版记 of one document. The agency profile holds the defaults
 * (`agencyFrameSchema`), a report may override each field (`reportFrameSchema`), and the exporters print the
 * merged result (`resolveDocumentFrame`).
 */
export const documentFrameSchema = z.object({
  /** 发文机关标志 ("青禾县人民政府文件"): printed red over a red separator. "" = no 版头. */
  agencyMark: z.string().trim().max(30, "发文机关标志不超过30字").default(""),
  /** 签发人 of a 上行文: the 文号 then goes left and "签发人：name" right. "" = 文号 centred. */
  signer: z.string().trim().max(20, "签发人不超过20字").default(""),
  /** 附件名称 in order, printed as 附件说明 after the text. */
  attachments: z.array(z.string().trim().min(1, "附件名称不能为空").max(100, "附件名称不超过100字")).max(20, "附件不超过20个").default([]),
  /** 加盖印章 layout of 署名 and 成文日期 (GB/T 9704 7.3.5.1). */
  isSealed: z.boolean().default(false),
  /** 印发机关 of the 版记 ("青禾县人民政府办公室"). "" = no 印发 line. */
  imprintAgency: z.string().trim().max(60, "印发机关不超过60字").default(""),
  /** 印发日期, ISO yyyy-mm-dd; "" = the 成文日期. */
  imprintDate: isoDateOrEmpty.default(""),
});
export type DocumentFrame = z.infer<typeof documentFrameSchema>;

/** What the agency profile sets for all its reports: the fields that do not change from report to report. */
export const agencyFrameSchema = documentFrameSchema.pick({ agencyMark: true, signer: true, isSealed: true, imprintAgency: true });
export type AgencyFrame = z.infer<typeof agencyFrameSchema>;
export type AgencyFrameInput = z.input<typeof agencyFrameSchema>;

/** A report's own choices; a field left out follows the agency profile. */
export const reportFrameSchema = z.object({
  agencyMark: documentFrameSchema.shape.agencyMark.unwrap().optional(),
  signer: documentFrameSchema.shape.signer.unwrap().optional(),
  attachments: documentFrameSchema.shape.attachments.unwrap().optional(),
  isSealed: z.boolean().optional(),
  imprintAgency: documentFrameSchema.shape.imprintAgency.unwrap().optional(),
  imprintDate: isoDateOrEmpty.optional(),
});
export type ReportFrame = z.infer<typeof reportFrameSchema>;

export const EMPTY_DOCUMENT_FRAME: DocumentFrame = { agencyMark: "", signer: "", attachments: [], isSealed: false, imprintAgency: "", imprintDate: "" };

/** The frame an export prints: the report's own choices over the agency's defaults over none. */
export function resolveDocumentFrame(agency: Partial<AgencyFrame> | undefined, report: ReportFrame | undefined): DocumentFrame {
  const pick = <K extends keyof DocumentFrame>(key: K): DocumentFrame[K] =>
    (report?.[key] ?? (agency as Partial<DocumentFrame> | undefined)?.[key] ?? EMPTY_DOCUMENT_FRAME[key]) as DocumentFrame[K];
  return {
    agencyMark: pick("agencyMark"),
    signer: pick("signer"),
    attachments: pick("attachments"),
    isSealed: pick("isSealed"),
    imprintAgency: pick("imprintAgency"),
    imprintDate: pick("imprintDate"),
  };
}
