/**
 * The public page's only style sheet, inlined so the page needs nothing from outside. On screen it reflows to any
 * width; in print it follows the PDF: A4, GB/T 9704 margins (37/26/35/28 mm), 3号 仿宋 on a 28.9 pt line pitch,
 * 黑体 and 楷体 headings, 2号 小标宋 title.
 */
export const PUBLIC_STYLE = `
:root { color-scheme: light; --fang: "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "FandolFang", serif; --hei: "黑体", "SimHei", "STHeiti", "FandolHei", sans-serif;
  --kai: "楷体_GB2312", "楷体", "KaiTi", "STKaiti", "FandolKai", serif; --title: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "Source Han Serif SC", "宋体", "SimSun", serif; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #f5f5f4; color: #111; font-family: var(--fang); font-size: 1.125rem; line-height: 1.9; }
.page { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; background: #fff; }
@media (min-width: 48rem) { .page { margin: 2rem auto; padding: 3.5rem 4rem; box-shadow: 0 1px 3px rgba(0,0,0,.12); } }
.doc-number { text-align: center; margin: 0 0 1.5em; }
h1 { font-family: var(--title); font-weight: normal; font-size: 1.6em; line-height: 1.5; text-align: center; margin: 0 0 1.2em; }
h1 span { display: block; }
h2 { font-family: var(--hei); font-weight: normal; font-size: 1em; margin: 0; text-indent: 2em; }
h3 { font-family: var(--kai); font-weight: normal; font-size: 1em; margin: 0; text-indent: 2em; }
h4, h5 { font-family: var(--fang); font-weight: normal; font-size: 1em; margin: 0; text-indent: 2em; }
.bold-headings h3, .bold-headings h4, .bold-headings .run-in { font-weight: bold; }
p { margin: 0; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
p.main-recipient { text-indent: 0; }
.run-in { font-family: var(--kai); }
.indent-1 { padding-left: 2em; } .indent-2 { padding-left: 4em; } .indent-3 { padding-left: 6em; }
.blank { height: 1.9em; }
.closing { text-indent: 0; text-align: left; margin-left: auto; }
.table-wrap { overflow-x: auto; margin: .5em 0; }
table { border-collapse: collapse; width: 100%; font-size: .9em; line-height: 1.5; }
th, td { border: 1px solid #333; padding: .25em .4em; vertical-align: middle; }
th { font-family: var(--hei); font-weight: normal; }
td.figure { text-align: center; }
th p, td p { text-indent: 0; }
.copy-to { margin-top: 1em; border-top: 1px solid #111; border-bottom: 1px solid #111; font-size: .875em; text-indent: 0; padding: .2em 1em; }
footer { margin-top: 2.5em; padding-top: .75em; border-top: 1px solid #d6d3d1; color: #44403c; font-size: .8em; line-height: 1.6; font-family: var(--hei); }
footer p { text-indent: 0; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { background: #fff; font-size: 16pt; line-height: 28.9pt; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h1 { font-size: 22pt; line-height: 28.9pt; margin: 0 0 28.9pt; }
  .blank { height: 28.9pt; }
  h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 12pt; }
  tr { break-inside: avoid; }
  footer { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;
