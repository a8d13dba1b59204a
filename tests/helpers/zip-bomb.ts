/**
 * Hostile .docx files for the size-limit tests: small on disk, huge when inflated. Written by hand (local
 * headers, central directory, end record) because the point is what a zip library would refuse to write:
 * entries whose headers state a size, or a CRC, that is not what they inflate to.
 */
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';

export interface BombEntry {
  name: string;
  /** Inflated content: the head, then `repeat` copies of `unit`, then the tail. */
  head: string;
  unit: string;
  repeat: number;
  tail: string;
  /** The uncompressed size the headers state; default the true size (an honest header). */
  statedSize?: number;
}

/** Raw-deflates a long repetition without ever holding it: a few hundred KB for hundreds of MB. */
async function deflateRepeated(entry: BombEntry): Promise<{ data: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = once(deflate, 'end');
  const unit = Buffer.from(entry.unit);
  // Write the repetition in ~1 MB blocks, waiting for the stream to drain.
  const perBlock = Math.max(1, Math.floor((1 << 20) / Math.max(1, unit.length)));
  const block = Buffer.concat(Array.from({ length: perBlock }, () => unit));
  let size = 0;
  const write = async (bytes: Buffer) => {
    size += bytes.length;
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  };
  await write(Buffer.from(entry.head));
  for (let left = entry.repeat; left > 0; left -= perBlock) await write(left >= perBlock ? block : block.subarray(0, left * unit.length));
  await write(Buffer.from(entry.tail));
  deflate.end();
  await done;
  return { data: Buffer.concat(out), size };
}

/** A zip archive of deflated entries (CRC left 0: zip readers check it only when asked). */
export async function makeZip(entries: BombEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, size } = await deflateRepeated(entry);
    const name = Buffer.from(entry.name);
    const stated = entry.statedSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // CRC-32
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(stated >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(stated >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const PACKAGE_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCUMENT_TAIL = '</w:body></w:document>';
/** A paragraph with a figure in it, 60 bytes of XML. */
export const BOMB_PARAGRAPH = '<w:p><w:r><w:t>全区生产总值增长4.2%。</w:t></w:r></w:p>';

/**
 * A Word document whose body repeats one paragraph until word/document.xml is about `megabytes` MB;
 * `statedSize` makes its headers lie about that size.
 */
export async function makeDocxBomb(megabytes: number, options: { statedSize?: number } = {}): Promise<Buffer> {
  const unitBytes = Buffer.byteLength(BOMB_PARAGRAPH);
  return makeZip([
    { name: '[Content_Types].xml', head: CONTENT_TYPES, unit: '', repeat: 0, tail: '' },
    { name: '_rels/.rels', head: PACKAGE_RELATIONSHIPS, unit: '', repeat: 0, tail: '' },
    {
      name: 'word/document.xml',
      head: DOCUMENT_HEAD,
      unit: BOMB_PARAGRAPH,
      repeat: Math.ceil((megabytes * 1024 * 1024) / unitBytes),
      tail: DOCUMENT_TAIL,
      statedSize: options.statedSize,
    },
  ]);
}
