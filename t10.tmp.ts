import { pdfPageLines, widthInChars } from "@/tests/unit/export/pdf/poppler";
for (let p = 1; p <= 19; p++) for (const l of pdfPageLines("/tmp/pdfout/long.pdf", p)) if (Math.abs(l.xMin - 79.37) < 2 && Math.abs(l.xMax - 521.7) < 3 && !/[\x20-\x7e]/.test(l.text) && widthInChars(l.text) < 27) console.log(p, l.text, widthInChars(l.text));
