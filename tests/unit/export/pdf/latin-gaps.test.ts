import { describe, expect, it } from "vitest";

import { withLatinGaps, type TypstRun } from "@/lib/export/pdf/build-typst-data";

const run = (text: string): TypstRun => ({ text, bold: false, italic: false });
const shape = (runs: TypstRun[]) => runs.map((part) => ("gap" in part ? "|" : "text" in part ? part.text : "\n")).join("");

describe("withLatinGaps: the space LibreOffice puts between Chinese and Latin text", () => {
  it("marks every meeting of Chinese with letters or digits, both ways", () => {
    expect(shape(withLatinGaps([run("全年办理92件，办复率100%。")]))).toBe("全年办理|92|件，办复率|100%。");
    expect(shape(withLatinGaps([run("推行ABC模式")]))).toBe("推行|ABC|模式");
  });

  it("puts no gap after ASCII punctuation before Chinese, as LibreOffice lays out “4.加强”", () => {
    expect(shape(withLatinGaps([run("4."), run("加强法治队伍建设")]))).toBe("4.加强法治队伍建设");
    expect(shape(withLatinGaps([run("占比5%提高")]))).toBe("占比|5%提高");
    // Full-width punctuation never takes a gap.
    expect(shape(withLatinGaps([run("（2021—2025年）")]))).toBe("（2021—2025|年）");
  });
});
