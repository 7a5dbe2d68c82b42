import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";

function body(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}

function runIn(heading: string, text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: heading, bold: true }), new TextRun(text)] });
}

function cell(text: string): TableCell {
  return new TableCell({ children: [body(text)] });
}

/**
 * A report of a fictional agency as Word would save it: styled level-1 headings (one without its
 * numeral), bold run-in item headings whose first sentence has no 。, and a table.
 */
export async function buildFixtureDocx(extraParagraphs = 0): Promise<Uint8Array> {
  const filler = Array.from({ length: extraParagraphs }, (_, index) =>
    body(`第${index + 1}项工作：围绕年度目标，细化责任分工，按月调度推进，确保各项任务按期保质完成，群众满意度持续提升。`),
  );
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            heading: HeadingLevel.TITLE,
            children: [new TextRun("澄江市人力资源和社会保障局2023年法治政府建设年度报告")],
          }),
          body("市委、市政府："),
          body("2023年，我局坚持以习近平法治思想为指导，围绕稳就业、保民生，扎实推进人社领域法治建设。现将有关情况报告如下。"),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("一、主要举措和成效")] }),
          runIn("（一）完善劳动保障监察机制，", "全年办理劳动保障监察案件214件，为劳动者追发工资2860万元。"),
          runIn("（二）推进仲裁调解一体化。", "劳动人事争议仲裁结案率达到98.6%，调解成功率61%。"),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("（三）主要数据")] }),
          new Table({
            rows: [
              new TableRow({ children: [cell("项目"), cell("数量")] }),
              new TableRow({ children: [cell("行政复议"), cell("7件")] }),
              new TableRow({ children: [cell("行政诉讼"), cell("3件")] }),
            ],
          }),
          ...filler,
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("存在的不足和原因")] }),
          body("基层劳动保障监察力量不足，新就业形态劳动者权益保障还有短板。"),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("三、2024年主要安排")] }),
          runIn("一是", "加强欠薪治理，健全根治欠薪长效机制。"),
          runIn("二是", "推进人社执法数字化，实现执法全过程网上留痕。"),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun("澄江市人力资源和社会保障局")] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun("2024年1月22日")] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
