/**
 * Minimal PDF files written byte by byte, for inputs LibreOffice does not make: a page that is only an
 * image (a scan, no text layer), and pages of positioned Latin text in a standard font.
 */

/** A PDF of the given pages; each page is its content stream and its resources dictionary. */
export function pdfOf(pages: { content: string; resources: string; objects?: string[] }[]): Buffer {
  const objects: string[] = [];
  // push returns the new length: the 1-based object number of what was added.
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, filled in below
  const kids: number[] = [];
  for (const page of pages) {
    const extra = (page.objects ?? []).map((body) => add(body));
    const resources = page.resources.replace(/\$(\d+)/g, (_, k: string) => `${extra[Number(k)]} 0 R`);
    const content = add(`<< /Length ${Buffer.byteLength(page.content, 'latin1')} >>\nstream\n${page.content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${content} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A page holding one 2×2 grey image and no text: what a scanner writes. */
export function imageOnlyPage(): { content: string; resources: string; objects: string[] } {
  const pixels = '\x00\xff\xff\x00';
  return {
    content: 'q 500 0 0 700 40 60 cm /Im1 Do Q',
    resources: '<< /XObject << /Im1 $0 >> >>',
    objects: [`<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`],
  };
}

/** A page of Latin text lines in Helvetica, each at (x, y) in points. */
export function textPage(lines: { x: number; y: number; text: string; size?: number }[]): { content: string; resources: string; objects: string[] } {
  const content = lines
    .map(({ x, y, text, size = 12 }) => `BT /F1 ${size} Tf ${x} ${y} Td (${text.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`)
    .join('\n');
  return { content, resources: '<< /Font << /F1 $0 >> >>', objects: ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'] };
}
