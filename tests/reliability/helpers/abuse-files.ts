import { crc32, deflateRawSync, deflateSync } from "node:zlib";

interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Claim this uncompressed size in the headers instead of the real one (a lying zip bomb). */
  declaredSize?: number;
}

/** A minimal ZIP writer (deflate), so a test can write headers that lie. */
export function buildZip(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const compressed = deflateRawSync(part.data, { level: 9 });
    const size = part.declaredSize ?? part.data.length;
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

function packageRels(target: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
}

const text = (value: string) => new TextEncoder().encode(value);

/** A DOCX inside every size limit whose document.xml holds `count` tiny paragraphs. */
export function manyParagraphsDocx(count: number): Uint8Array {
  const body = "<w:p><w:r><w:t>一</w:t></w:r></w:p>".repeat(count);
  return buildZip([
    { name: "[Content_Types].xml", data: text(CONTENT_TYPES) },
    { name: "_rels/.rels", data: text(packageRels("word/document.xml")) },
    { name: "word/document.xml", data: text(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) },
  ]);
}

/**
 * A DOCX whose relationships make word/media/image1.png the main document; that entry inflates to
 * `inflatedMb` while its headers claim 4 KB (the old check skipped word/media entirely).
 */
export function mediaBombDocx(inflatedMb: number): Uint8Array {
  const filler = `<w:p><w:r><w:t>${"法".repeat(1000)}</w:t></w:r></w:p>`;
  const document = text(
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${filler.repeat(Math.ceil((inflatedMb * 1024 * 1024) / filler.length / 3))}</w:body></w:document>`,
  );
  return buildZip([
    { name: "[Content_Types].xml", data: text(CONTENT_TYPES) },
    { name: "_rels/.rels", data: text(packageRels("word/media/image1.png")) },
    {
      name: "word/document.xml",
      data: text(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>`),
    },
    { name: "word/media/image1.png", data: document, declaredSize: 4096 },
  ]);
}

/**
 * A small PDF whose `pageCount` pages all share one content stream of `operations` text-show operators:
 * the reader parses the stream again for every page (85 KB ran for minutes before isolation).
 */
export function sharedStreamPdf(pageCount: number, operations: number): Uint8Array {
  const content = deflateSync(Buffer.from(`BT /F1 1 Tf ${"1 0 0 1 1 1 Tm (ab) Tj ".repeat(operations)}ET`), { level: 9 });
  const objects: Buffer[] = [];
  const kids = Array.from({ length: pageCount }, (_, index) => `${5 + index} 0 R`).join(" ");
  objects.push(Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"));
  objects.push(Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`));
  objects.push(Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from("\nendstream")]));
  objects.push(Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  for (let index = 0; index < pageCount; index += 1) {
    objects.push(Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"));
  }
  const chunks: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((object, index) => {
    offsets.push(length);
    const wrapped = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), object, Buffer.from("\nendobj\n")]);
    chunks.push(wrapped);
    length += wrapped.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`)].join("");
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** Hard-wrapped pasted text of about `characters` characters: distinct lines of equal width, no closing punctuation. */
export function longPastedText(characters: number): string {
  const words = ["坚持依法行政", "严格规范执法", "深化体制改革", "健全监督机制", "推进政务公开", "化解矛盾纠纷"];
  const lines: string[] = [];
  for (let index = 0, total = 0; total < characters; index += 1) {
    const line = `${words[index % 6]}${words[(index >> 3) % 6]}第${String(index).padStart(7, "0")}项工作${words[(index >> 6) % 6]}${words[(index >> 9) % 6]}`;
    lines.push(line);
    total += line.length + 1;
  }
  return lines.join("\n");
}

/** An HTML page of about `megabytes` MB nested `<div>` inside `<div>`. */
export function deepNestedHtml(megabytes: number): string {
  const depth = Math.floor((megabytes * 1024 * 1024) / 11);
  return `<html><body>${"<div>".repeat(depth)}法治政府建设年度报告${"</div>".repeat(depth)}</body></html>`;
}
