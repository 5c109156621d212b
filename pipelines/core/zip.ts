/**
 * The entries of a zip file the engine wrote itself (an xlsx workbook is one), for the privacy gate
 * to read every part of it: a plain reading of the central directory (PKWARE's APPNOTE, section 4.3),
 * stored and deflated entries only. Anything else, or a zip that is not well formed, is an error: the
 * gate then reports the file as one it cannot check.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Every entry of `zip`, inflated; at most `maxBytes` inflated in all. */
export function zipEntries(zip: Buffer, maxBytes = 512 * 1024 ** 2): ZipEntry[] {
  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (zip.readUInt32LE(at) === END) {
      end = at;
      break;
    }
  if (end < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`central directory entry ${i} is not one`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const inflated = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`${name}: no local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    total += inflated;
    if (total > maxBytes) throw new Error(`more than ${maxBytes} bytes inflated`);
    if (method === 0) out.push({ name, data: raw });
    else if (method === 8)
      out.push({ name, data: inflateRawSync(raw, { maxOutputLength: Math.max(1, inflated) }) });
    else throw new Error(`${name}: compression method ${method}`);
  }
  return out;
}
