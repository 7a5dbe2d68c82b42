import { pdfPageLines, widthInChars } from "@/tests/unit/export/pdf/poppler";
const pitch = 225 * 72 / 25.4 / 22;
let full = 0, w28 = 0, cjkFull = 0, cjk28 = 0;
for (let p = 2; p <= 18; p++) {
  const lines = pdfPageLines("/tmp/pdfout/long.pdf", p).filter(l => l.y < 750);
  lines.forEach((l, i) => { const s = (l.y - lines[0]!.y) / pitch; if (Math.abs(s - Math.round(s)) > 0.04) console.log("off", p, i, l.y, lines[0]!.y, l.text); });
  for (const l of lines) if (Math.abs(l.xMin - 79.4) < 2 && Math.abs(l.xMax - 521.7) < 3) { full++; if (widthInChars(l.text) >= 27.5) w28++; if (!/[\x20-\x7e]/.test(l.text)) { cjkFull++; if (widthInChars(l.text) === 28) cjk28++; } }
}
console.log({ full, w28, cjkFull, cjk28 });
