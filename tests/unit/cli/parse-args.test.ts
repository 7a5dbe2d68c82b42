import { describe, expect, it } from "vitest";

import { CliInputError, parseArgs } from "@/lib/cli/types";

describe("parseArgs (node's parser, strict)", () => {
  const spec = { strings: ["output", "format"], booleans: ["final"], missingValue: { output: "请用 -o 指定输出文件" } };

  it("reads positionals, values, -o and --name=value", () => {
    expect(parseArgs(["a.json", "-o", "b.pdf", "--format=pdf", "--final"], spec)).toEqual({
      positionals: ["a.json"],
      options: { output: "b.pdf", format: "pdf", final: true },
    });
  });

  it.each([
    [["a.json", "--fromat", "pdf"], /不认识的参数“--fromat”/],
    [["a.json", "-x"], /不认识的参数“-x”/],
    [["a.json", "-o"], /请用 -o 指定输出文件/],
    [["a.json", "--format"], /参数 --format 后面要写值/],
    [["a.json", "--final=yes"], /参数 --final 不带值/],
  ])("refuses %j with a Chinese message", (args, message) => {
    expect(() => parseArgs(args, spec)).toThrow(CliInputError);
    expect(() => parseArgs(args, spec)).toThrow(message);
  });
});
