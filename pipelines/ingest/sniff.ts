/**
 * One streaming pass over a delivered file's bytes: sha256, gzip integrity, encoding (UTF-8 with or
 * without BOM, Windows-1252, Latin-1, or a mix, which is refused), the header line, the delimiter, the
 * number of lines and where blank lines are (DuckDB skips them, so line numbers must account for them).
 * This works on byte chunks; the rows themselves are parsed by DuckDB.
 */
import * as buffer from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { constants, copyFile, open, stat } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync, constants as zlibConstants } from 'node:zlib';
import { FileRejected } from '../errors.ts';
import { bytes, t } from '../i18n/index.ts';

/** Test seam: lets a test change a file while it is being read (a delivery still being written). */
export const sniffHooks: { afterFirstChunk?: () => void } = {};

export type FileFormat = 'csv' | 'csv.gz' | 'parquet' | 'xlsx';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16' | 'windows-1252' | 'latin-1';
export type Delimiter = ',' | ';' | '\t';

/** What one file may cost (the configuration's `limits`, docs/security.md). */
export interface ReadLimits {
  /** A compressed file inflates to at most this many bytes… */
  maxInflatedBytes: number;
  /** …and to at most this many times its own size. */
  maxInflateRatio: number;
  /** A physical line longer than this is not read: its row is rejected (or the file, for the header). */
  maxLineBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxInflatedBytes: 4 * 1024 ** 3,
  maxInflateRatio: 20,
  maxLineBytes: 1024 ** 2,
};

/** A NUL byte this early means a binary file: it is refused at once, not after reading it all. */
const BINARY_PROBE_BYTES = 1024 ** 2;

export function formatOf(file: string): FileFormat | undefined {
  const f = file.toLowerCase();
  if (f.endsWith('.csv.gz') || f.endsWith('.txt.gz') || f.endsWith('.tsv.gz')) return 'csv.gz';
  if (f.endsWith('.csv') || f.endsWith('.txt') || f.endsWith('.tsv')) return 'csv';
  if (f.endsWith('.parquet')) return 'parquet';
  // .xlsm is a workbook with macros: read as xlsx, its macros never run.
  if (f.endsWith('.xlsx') || f.endsWith('.xlsm')) return 'xlsx';
  return undefined;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await readChunks(path, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

/**
 * Reads a file in order into one reused 1 MiB buffer. A stream would allocate a new buffer per chunk:
 * the garbage of a 276 MB file, freed only when V8 collects it, added to the ingest worker's peak while
 * DuckDB worked on the previous file. `use` must be done with a chunk when it returns.
 */
async function readChunks(path: string, use: (chunk: Buffer) => void): Promise<void> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      use(buf.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
}

/**
 * Copies a file and returns its sha256, reading its bytes once. Where the file system can (btrfs, XFS,
 * APFS), the copy is a reflink: new blocks only where either file is later written, so the published
 * warehouse costs no copy. Elsewhere (ext4) the copy runs in the kernel (copy_file_range, on libuv's
 * thread pool) while this thread hashes the same bytes from the page cache: about as long as the copy
 * alone, where copying through a hashing stream takes about twice as long. Never a hard link: DuckDB
 * writes the kept warehouse in place the next night, and a published file must not change.
 */
export async function copyAndHash(from: string, to: string): Promise<string> {
  const [, sha256] = await Promise.all([copyFile(from, to, constants.COPYFILE_FICLONE), sha256File(from)]);
  return sha256;
}

export interface TextSniff {
  sha256: string;
  size: number;
  /** The file's modification time when it was read (with size: whether it is still the same file). */
  mtimeMs: number;
  encoding: Encoding;
  /** The header line, decoded, without BOM and line ending. */
  headerLine: string;
  delimiter: Delimiter;
  /** Physical lines above the header (Excel's `sep=` line, title rows, blank lines): DuckDB skips them. */
  skipLines: number;
  /** Of those, the lines that are not blank (counted as skipped rows in the manifest). */
  titleRows: number;
  /** Physical line numbers (1-based) of blank lines after the header (outside quoted values). */
  blankLines: number[];
  /**
   * Physical line numbers of the lines that continue a row: the line breaks inside a quoted value put
   * them there. DuckDB counts such a row as one line, so its line numbers (of rejects) are record
   * numbers (ingest.ts turns them into physical lines).
   */
  continuationLines: number[];
  /** Non-blank lines after the header: the data rows as the file has them. */
  dataLines: number;
  /** Some lines end in CRLF, others in LF or a lone CR (DuckDB's parser needs one kind). */
  mixedLineEndings: boolean;
  /** Physical lines (after the header) longer than the limit: their rows are rejected unread. */
  longLines: number[];
}

/** Read in 1 MiB chunks: Node's default of 64 KiB reads a large file several times slower. */
const CHUNK = 1 << 20;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
/** One space after a field's start: DuckDB 1.5 still opens a quoted value there (not after two). */
const ONE_SPACE = 4;

/** buffer.isAscii is native from Node 20.6 on. */
const isAscii: (b: Buffer) => boolean =
  (buffer as { isAscii?: (b: Buffer) => boolean }).isAscii ?? ((b) => !b.some((x) => x >= 0x80));

const DANISH_UTF8 = [0xa6, 0xb8, 0xa5, 0x86, 0x98, 0x85]; // second bytes of æ ø å Æ Ø Å after 0xC3

/** Passes bytes through while it learns their encoding and line structure. */
class ByteScanner extends Transform {
  private decoder = new TextDecoder('utf-8', { fatal: true });
  firstInvalidLine: number | undefined;
  sawUtf8Multibyte = false;
  sawC1 = false;
  sawNul = false;
  line = 1;
  blankLines: number[] = [];
  continuationLines: number[] = [];
  crlf = 0;
  bareLf = 0;
  nonBlankLines = 0;
  private lineHasContent = false;
  private headerBytes: Buffer[] = [];
  private headerDone = false;
  private prevC3 = false;
  private prevCr = false;
  /** The delimiter's byte, known once the header is read. */
  private delim = -1;
  /** Where the last byte left the row: FIELD_START, ONE_SPACE, UNQUOTED, QUOTED or QUOTE_IN_QUOTED. */
  private quoteState = FIELD_START;
  /** The last chunk ended in a byte of a multi-byte character (it may continue in the next). */
  private highTail = false;
  bom: 'utf-8' | 'utf-16' | undefined;
  private first = true;
  /** Physical lines still to pass before the header line. */
  private preLines: number;
  /** Bytes seen so far (inflated, for a compressed file). */
  bytes = 0;
  /** Carriage returns not followed by a line feed. */
  bareCr = 0;
  /** Physical lines over the limit (lines count from 1, as `line` does). */
  longLines: number[] = [];
  private physLine = 1;
  private lineStart = 0;
  private readonly headerAt: number;

  constructor(
    skipLines = 0,
    private readonly forcedDelimiter?: Delimiter,
    private readonly limits: ReadLimits & { inflatedMax?: number } = DEFAULT_LIMITS,
  ) {
    super();
    this.preLines = skipLines;
    this.headerAt = skipLines + 1;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.feed(chunk);
    } catch (e) {
      cb(e as Error); // a bound was passed: the stream stops here
      return;
    }
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    this.finish();
    cb();
  }

  /** One chunk, in file order. The scanner keeps no reference to it, so the caller may reuse it. */
  feed(chunk: Buffer): void {
    this.bound(chunk);
    if (this.first) {
      this.first = false;
      sniffHooks.afterFirstChunk?.();
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) this.bom = 'utf-8';
      else if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
        this.bom = 'utf-16';
    }
    if (this.bom !== 'utf-16') {
      const ascii = isAscii(chunk);
      // An ASCII chunk is valid UTF-8 unless the decoder still waits for the rest of a character.
      if (this.firstInvalidLine === undefined && (!ascii || this.highTail)) {
        try {
          this.decoder.decode(chunk, { stream: true });
        } catch {
          this.firstInvalidLine = this.locateInvalid(chunk);
        }
      }
      this.highTail = !ascii && !isAscii(chunk.subarray(Math.max(0, chunk.length - 3)));
      this.scan(chunk, ascii);
    }
  }

  /**
   * The bounds (docs/security.md), before a chunk is scanned: the inflated size, a NUL byte early on
   * (a binary file), and the length of every physical line; a header or title row over the limit
   * refuses the file at once, before its bytes are kept.
   */
  private bound(chunk: Buffer): void {
    const start = this.bytes;
    this.bytes += chunk.length;
    const { inflatedMax } = this.limits;
    if (inflatedMax !== undefined && this.bytes > inflatedMax) {
      throw new FileRejected(t('ingest.inflateLimit', { max: bytes(inflatedMax) }), 'inflate_limit');
    }
    // UTF-16 has a NUL in every other byte; its byte-order mark says so.
    const utf16 = this.first ? chunk[0] === 0xff || chunk[0] === 0xfe : this.bom === 'utf-16';
    if (start < BINARY_PROBE_BYTES && !utf16) {
      const nul = chunk.subarray(0, BINARY_PROBE_BYTES - start).indexOf(0);
      if (nul !== -1) throw new FileRejected(t('ingest.binary'), 'binary_file');
    }
    const max = this.limits.maxLineBytes;
    for (let p = chunk.indexOf(0x0a); ; p = chunk.indexOf(0x0a, p + 1)) {
      const end = p === -1 ? start + chunk.length : start + p;
      if (end - this.lineStart > max) this.longLine();
      if (p === -1) break;
      this.physLine++;
      this.lineStart = start + p + 1;
    }
    if (chunk.indexOf(0x0d) !== -1) {
      for (let p = chunk.indexOf(0x0d); p !== -1; p = chunk.indexOf(0x0d, p + 1)) {
        if (p + 1 < chunk.length ? chunk[p + 1] !== 0x0a : false) this.bareCr++;
      }
    }
  }

  /** The current physical line is over the limit: at or above the header the file cannot be read. */
  private longLine(): void {
    if (this.longLines.at(-1) === this.physLine) return;
    if (this.physLine <= this.headerAt) {
      throw new FileRejected(
        t('ingest.headerTooLong', { line: this.physLine, max: bytes(this.limits.maxLineBytes) }),
        'line_too_long',
      );
    }
    this.longLines.push(this.physLine);
  }

  /** After the last chunk. */
  finish(): void {
    if (this.bom !== 'utf-16' && this.firstInvalidLine === undefined) {
      try {
        this.decoder.decode();
      } catch {
        this.firstInvalidLine = this.line;
      }
    }
    if (this.lineHasContent) this.endLine(false);
  }

  /** The line of the first byte that is not valid UTF-8 in this chunk (approximate at chunk borders). */
  private locateInvalid(chunk: Buffer): number {
    let line = this.line;
    const d = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let i = 0; i <= chunk.length; i++) {
      if (i === chunk.length || chunk[i] === 0x0a) {
        try {
          d.decode(chunk.subarray(start, i));
        } catch {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return line;
  }

  private endLine(blank: boolean): void {
    if (!this.headerDone) {
      this.headerDone = true;
    } else if (blank) {
      this.blankLines.push(this.line);
    } else {
      this.nonBlankLines++;
    }
    this.line++;
    this.lineHasContent = false;
  }

  /**
   * Lines, blank lines and line endings. This loop sees every byte of every file, so it keeps its
   * state in locals and asks one question of most bytes (is it above a space?); bytes >= 0x80 are
   * looked at only in chunks that have any.
   */
  private scan(chunk: Buffer, ascii: boolean): void {
    if (!this.sawNul && chunk.indexOf(0) !== -1) this.sawNul = true;
    if (ascii) this.prevC3 = false;
    else this.scanHigh(chunk);
    const i = this.headerDone ? 0 : this.scanHeader(chunk);
    if (i === undefined) return;
    // Rows with quoted values take the slower loop that follows the quotes; most files have none.
    if (this.quoteState === QUOTED || this.quoteState === QUOTE_IN_QUOTED || chunk.indexOf(0x22, i) !== -1) {
      this.scanQuoted(chunk, i);
      return;
    }
    if (!this.scanPlain(chunk, i)) this.scanBytes(chunk, i);
  }

  /**
   * The lines above the header (Excel's sep= line, title rows, blank lines: neither header nor data),
   * then the header line, whose bytes are kept. Returns where the data start in the chunk, or undefined
   * when the chunk ended before them.
   */
  private scanHeader(chunk: Buffer): number | undefined {
    let i = 0;
    while (this.preLines > 0) {
      const nl = chunk.indexOf(0x0a, i);
      if (nl === -1) {
        if (chunk.length > 0) this.prevCr = chunk[chunk.length - 1] === 0x0d;
        return undefined;
      }
      if (nl > 0 ? chunk[nl - 1] === 0x0d : this.prevCr) this.crlf++;
      else this.bareLf++;
      this.line++;
      this.preLines--;
      i = nl + 1;
    }
    const nl = chunk.indexOf(0x0a, i);
    if (nl === -1) {
      this.headerBytes.push(Buffer.from(chunk.subarray(i)));
      for (const b of chunk.subarray(i))
        if (b !== 0x0d && b !== 0x20 && b !== 0x09) this.lineHasContent = true;
      if (chunk.length > 0) this.prevCr = chunk[chunk.length - 1] === 0x0d;
      return undefined;
    }
    this.headerBytes.push(Buffer.from(chunk.subarray(i, nl)));
    if (nl > 0 ? chunk[nl - 1] === 0x0d : this.prevCr) this.crlf++;
    else this.bareLf++;
    this.endLine(false);
    this.delim = (this.forcedDelimiter ?? detectDelimiter(this.header().toString('latin1'))).charCodeAt(0);
    return nl + 1;
  }

  /** A chunk without quotes, byte by byte from `from`: its lines, blank lines and line endings. */
  private scanBytes(chunk: Buffer, from: number): void {
    let content = this.lineHasContent;
    let crlf = 0;
    let lf = 0;
    let nonBlank = 0;
    let line = this.line;
    const blanks = this.blankLines;
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      const b = chunk[i]!;
      if (b > 0x20) content = true;
      else if (b === 0x0a) {
        if (i > 0 ? chunk[i - 1] === 0x0d : this.prevCr) crlf++;
        else lf++;
        if (content) nonBlank++;
        else blanks.push(line);
        line++;
        content = false;
      } else if (b !== 0x0d && b !== 0x20 && b !== 0x09) content = true;
    }
    this.lineHasContent = content;
    this.crlf += crlf;
    this.bareLf += lf;
    this.nonBlankLines += nonBlank;
    this.line = line;
    if (n > 0) this.prevCr = chunk[n - 1] === 0x0d;
    this.quoteStateAtEnd(chunk);
  }

  /** For a chunk without quotes: where its last bytes leave the next one (a quote may open there). */
  private quoteStateAtEnd(chunk: Buffer): void {
    let k = chunk.length - 1;
    while (k >= 0 && chunk[k] === 0x0d) k--;
    if (k < 0) return;
    const fieldEnd = (j: number) => j < 0 || chunk[j] === 0x0a || chunk[j] === this.delim;
    if (fieldEnd(k)) this.quoteState = FIELD_START;
    else if (chunk[k] === 0x20 && fieldEnd(k - 1)) this.quoteState = k > 0 ? ONE_SPACE : UNQUOTED;
    else this.quoteState = UNQUOTED;
  }

  /**
   * The common case without a loop over bytes: a chunk without quotes, carriage returns or blank lines
   * only needs its line breaks counted, which indexOf finds natively, in about half the time of
   * a loop over bytes. A blank line starts with a line break, space or tab (there is no
   * carriage return here), so if no line break in the chunk is followed by one of them, and the line the
   * chunk continues has content or starts with it, no line in it is blank. Returns false, having
   * changed nothing, when the chunk needs the loop.
   */
  private scanPlain(chunk: Buffer, from: number): boolean {
    const n = chunk.length;
    if (from >= n) return false;
    if (!this.lineHasContent && chunk[from]! <= 0x20) return false;
    if (chunk.indexOf(0x0d, from) !== -1) return false;
    let breaks = 0;
    let last = -1;
    for (let p = chunk.indexOf(0x0a, from); p !== -1; p = chunk.indexOf(0x0a, p + 1)) {
      const next = chunk[p + 1];
      if (next === 0x0a || next === 0x20 || next === 0x09) return false;
      breaks++;
      last = p;
    }
    this.bareLf += breaks;
    this.nonBlankLines += breaks;
    this.line += breaks;
    // The line the chunk ends in has content unless the chunk ends with its line break.
    this.lineHasContent = last !== n - 1;
    this.prevCr = false;
    this.quoteStateAtEnd(chunk);
    return true;
  }

  /**
   * The same as scan, following quotes as DuckDB 1.5 does (quote and escape '"'): a quote opens a
   * quoted value only at the start of a field (one space before it allowed), elsewhere it is a
   * character; "" inside a quoted value is a quote, and a line break inside one continues the row on
   * the next line. test/ingest.test.ts pins these rules against DuckDB's reader.
   */
  private scanQuoted(chunk: Buffer, from: number): void {
    let state = this.quoteState;
    let content = this.lineHasContent;
    let line = this.line;
    const delim = this.delim;
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      const b = chunk[i]!;
      if (b === 0x0a) {
        if (i > 0 ? chunk[i - 1] === 0x0d : this.prevCr) this.crlf++;
        else this.bareLf++;
        if (state === QUOTED) {
          line++;
          this.continuationLines.push(line);
          continue;
        }
        if (content) this.nonBlankLines++;
        else this.blankLines.push(line);
        line++;
        content = false;
        state = FIELD_START;
        continue;
      }
      if (b !== 0x0d && b !== 0x20 && b !== 0x09) content = true;
      if (state === QUOTED) {
        if (b === 0x22) state = QUOTE_IN_QUOTED;
      } else if (state === QUOTE_IN_QUOTED) {
        if (b === 0x22) state = QUOTED;
        else if (b === delim) state = FIELD_START;
        else if (b !== 0x20 && b !== 0x0d && b !== 0x09) state = UNQUOTED;
      } else if (b === delim) state = FIELD_START;
      else if (b === 0x22) {
        if (state === FIELD_START || state === ONE_SPACE) state = QUOTED;
      } else if (b === 0x20 && state === FIELD_START) state = ONE_SPACE;
      else if (b !== 0x0d) state = UNQUOTED;
    }
    this.lineHasContent = content;
    this.line = line;
    this.quoteState = state;
    if (n > 0) this.prevCr = chunk[n - 1] === 0x0d;
  }

  /** C1 control bytes (Windows-1252's extra characters) and UTF-8's æøåÆØÅ. */
  private scanHigh(chunk: Buffer): void {
    let prevC3 = this.prevC3;
    if (!(this.sawC1 && this.sawUtf8Multibyte)) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b >= 0x80) {
          if (b <= 0x9f) this.sawC1 = true;
          if (prevC3 && DANISH_UTF8.includes(b)) this.sawUtf8Multibyte = true;
        }
        prevC3 = b === 0xc3;
      }
    } else if (chunk.length > 0) prevC3 = chunk[chunk.length - 1] === 0xc3;
    this.prevC3 = prevC3;
  }

  header(): Buffer {
    return Buffer.concat(this.headerBytes);
  }
}

/** Splits one CSV line on `delim`, honouring double quotes. Only used for the header. */
export function splitCsvLine(line: string, delim: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delim) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function detectDelimiter(header: string): Delimiter {
  const counts = ([';', ',', '\t'] as const).map((d) => [d, splitCsvLine(header, d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * Where the header is: how many physical lines come before it, of which how many are not blank, and
 * the delimiter when a `sep=` line names it. Decided from the file's first lines (peekLines).
 */
export interface HeaderPlace {
  skipLines: number;
  titleRows: number;
  delimiter?: Delimiter;
}

/** How far down a file the header is looked for (title rows above it). */
export const HEADER_SEARCH_LINES = 10;
const PEEK_BYTES = 64 * 1024;

/**
 * The first `max` lines of a text file, decoded (UTF-8, or Windows-1252 when the bytes are not UTF-8;
 * UTF-16 by its BOM), without line endings: enough to find the header below title rows.
 */
export async function peekLines(path: string, gz: boolean, max = HEADER_SEARCH_LINES): Promise<string[]> {
  let raw = Buffer.alloc(0);
  try {
    const file = await open(path, 'r');
    try {
      // A compressed file's first bytes are unzipped as far as they go (a truncated stream is fine here).
      // A compressed file's first 16 KiB: enough for the header of a CSV, and at most about 16 MiB
      // inflated even for a gzip bomb (deflate inflates 1,032 times at most).
      const want = gz ? PEEK_BYTES / 4 : PEEK_BYTES;
      const buf = Buffer.alloc(want);
      const { bytesRead } = await file.read(buf, 0, want, 0);
      raw = buf.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
    if (gz) raw = gunzipSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    // An unreadable or broken file is reported by the full read that follows.
  }
  let bytes = raw.subarray(0, PEEK_BYTES);
  const full = bytes.length >= PEEK_BYTES;
  let text: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  } else {
    if (full) bytes = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (full) lines.pop();
  return lines.slice(0, max).map((l) => l.replace(/\r$/, ''));
}

/** Feeds a file's bytes to the scanner, hashing them (a compressed file: its compressed bytes). */
async function scanFile(
  path: string,
  gz: boolean,
  scanner: ByteScanner,
  hash: ReturnType<typeof createHash>,
) {
  try {
    if (!gz) {
      await readChunks(path, (chunk) => {
        hash.update(chunk);
        scanner.feed(chunk);
      });
      scanner.finish();
      return;
    }
    // The compressed bytes are hashed; the scanner sees them unzipped.
    const hashTap = new Transform({
      transform(chunk: Buffer, _e, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    const sink = new Transform({
      transform(_c, _e, cb) {
        cb();
      },
    });
    await pipeline(createReadStream(path, { highWaterMark: CHUNK }), hashTap, createGunzip(), scanner, sink);
  } catch (e) {
    throw readError(e, gz);
  }
}

/** A file that could not be read (or unzipped) as the reason it is rejected with. */
function readError(e: unknown, gz: boolean): FileRejected {
  if (e instanceof FileRejected) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (gz && (code.startsWith('Z_') || /unexpected end|incorrect header|invalid/i.test((e as Error).message)))
    return new FileRejected(t('ingest.gzipCorrupt', { message: (e as Error).message }), 'unreadable_gzip');
  return new FileRejected(t('ingest.cannotRead', { message: (e as Error).message }), 'unreadable');
}

/** The file's encoding from what the scanner saw; a file that mixes UTF-8 with another is refused. */
function encodingOf(scanner: ByteScanner): Encoding {
  if (scanner.sawNul && scanner.bom !== 'utf-16') throw new FileRejected(t('ingest.binary'), 'binary_file');
  if (scanner.bom === 'utf-16') return 'utf-16';
  if (scanner.firstInvalidLine === undefined) return scanner.bom === 'utf-8' ? 'utf-8-bom' : 'utf-8';
  if (scanner.sawUtf8Multibyte || scanner.bom === 'utf-8')
    throw new FileRejected(t('ingest.mixedEncoding', { line: scanner.firstInvalidLine }), 'mixed_encoding');
  return scanner.sawC1 ? 'windows-1252' : 'latin-1';
}

/** The header line, decoded, without BOM and line ending (none yet for UTF-16, which is rewritten first). */
function headerText(scanner: ByteScanner, encoding: Encoding): string {
  if (encoding === 'utf-16') return '';
  return (encoding.startsWith('utf-8') ? new TextDecoder('utf-8') : new TextDecoder('windows-1252'))
    .decode(scanner.header())
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '');
}

export async function sniffText(
  path: string,
  gz: boolean,
  findHeader?: (lines: string[]) => HeaderPlace,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<TextSniff> {
  const place: HeaderPlace = findHeader
    ? findHeader(await peekLines(path, gz))
    : { skipLines: 0, titleRows: 0 };
  const before = await stat(path);
  const hash = createHash('sha256');
  // A compressed file inflates to at most the limit, and to at most so many times its size.
  const inflatedMax = gz
    ? Math.min(limits.maxInflatedBytes, Math.max(1, before.size) * limits.maxInflateRatio)
    : undefined;
  const scanner = new ByteScanner(place.skipLines, place.delimiter, { ...limits, inflatedMax });
  await scanFile(path, gz, scanner, hash);
  const after = await stat(path);
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
    throw new FileRejected(t('ingest.changing'), 'file_changing');
  }
  const encoding = encodingOf(scanner);
  const headerLine = headerText(scanner, encoding);
  return {
    sha256: hash.digest('hex'),
    size: after.size,
    mtimeMs: after.mtimeMs,
    encoding,
    headerLine,
    delimiter: place.delimiter ?? detectDelimiter(headerLine),
    skipLines: place.skipLines,
    titleRows: place.titleRows,
    blankLines: scanner.blankLines,
    continuationLines: scanner.continuationLines,
    dataLines: scanner.nonBlankLines,
    mixedLineEndings: (scanner.crlf > 0 && scanner.bareLf > 0) || scanner.bareCr > 0,
    longLines: scanner.longLines,
  };
}

/** The record number (as DuckDB counts) of a physical line that is not a continuation line. */
export function recordLine(physical: number, continuationLines: number[]): number {
  let n = 0;
  for (const c of continuationLines) {
    if (c >= physical) break;
    n++;
  }
  return physical - n;
}

/**
 * Rewrites a text file as plain UTF-8 with LF line endings, for DuckDB (which reads only utf-8, utf-16
 * and latin-1, and one kind of line ending per file): Windows-1252 / Latin-1 / UTF-16 are decoded, and
 * mixed CRLF / LF endings become LF.
 */
export async function rewriteAsUtf8(
  path: string,
  gz: boolean,
  target: string,
  from: 'utf-8' | 'windows-1252' | 'utf-16',
): Promise<void> {
  const decoder = new TextDecoder(from === 'utf-16' ? 'utf-16le' : from);
  let pendingCr = false;
  const normalise = (text: string): string => {
    let t = pendingCr ? `\r${text}` : text;
    pendingCr = t.endsWith('\r');
    if (pendingCr) t = t.slice(0, -1);
    return t.replace(/\r\n?/g, '\n');
  };
  const toUtf8 = new Transform({
    transform(chunk: Buffer, _e, cb) {
      cb(null, Buffer.from(normalise(decoder.decode(chunk, { stream: true })), 'utf8'));
    },
    flush(cb) {
      const rest = normalise(decoder.decode());
      cb(null, Buffer.from(pendingCr ? `${rest}\n` : rest, 'utf8'));
    },
  });
  try {
    if (gz) await pipeline(createReadStream(path), createGunzip(), toUtf8, createWriteStream(target));
    else await pipeline(createReadStream(path), toUtf8, createWriteStream(target));
  } catch (e) {
    // A compressed file that ends early while it is rewritten is rejected like one that does while it
    // is scanned, never a failed night (found by test/fuzz.test.ts: a truncated .csv.gz).
    throw readError(e, gz);
  }
}

/**
 * Whether a file's lines end in a lone carriage return (Excel for Mac's "CSV (Macintosh)"): its first
 * 64 KiB have a CR and no line feed. Such a file is one line to every reader until it is rewritten.
 */
export async function crOnlyLines(path: string, gz: boolean): Promise<boolean> {
  let raw = Buffer.alloc(0);
  try {
    const file = await open(path, 'r');
    try {
      const buf = Buffer.alloc(gz ? PEEK_BYTES / 4 : PEEK_BYTES);
      const { bytesRead } = await file.read(buf, 0, buf.length, 0);
      raw = buf.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
    if (gz) raw = gunzipSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return false; // the full read that follows reports it
  }
  const utf16 = (raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff);
  return !utf16 && raw.indexOf(0x0d) !== -1 && raw.indexOf(0x0a) === -1;
}

/** Counts the bytes that pass and stops the stream past `max` (a compressed file's inflated size). */
function bounded(max: number): Transform {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _e, cb) {
      n += chunk.length;
      if (n > max) cb(new FileRejected(t('ingest.inflateLimit', { max: bytes(max) }), 'inflate_limit'));
      else cb(null, chunk);
    },
  });
}

/** The inflated size a compressed file of `path` may reach under `limits`. */
export async function inflatedMax(path: string, limits: ReadLimits): Promise<number> {
  const { size } = await stat(path);
  return Math.min(limits.maxInflatedBytes, Math.max(1, size) * limits.maxInflateRatio);
}

/** Rewrites a file whose lines end in a lone CR with line feeds (byte for byte otherwise). */
export async function crToLf(path: string, gz: boolean, target: string, limits: ReadLimits): Promise<void> {
  const toLf = new Transform({
    transform(chunk: Buffer, _e, cb) {
      const out = Buffer.from(chunk);
      for (let p = out.indexOf(0x0d); p !== -1; p = out.indexOf(0x0d, p + 1)) out[p] = 0x0a;
      cb(null, out);
    },
  });
  await pipeline(
    ...((gz
      ? [createReadStream(path), createGunzip(), bounded(await inflatedMax(path, limits))]
      : [createReadStream(path)]) as [NodeJS.ReadableStream]),
    toLf,
    createWriteStream(target),
  ).catch((e) => {
    throw readError(e, gz);
  });
}

/**
 * Rewrites a file with the given physical lines emptied (their line breaks kept): lines too long to
 * read. DuckDB then skips them as blank lines, and ingest rejects their rows by line number.
 */
export async function blankLines(path: string, gz: boolean, target: string, lines: number[]): Promise<void> {
  const blank = new Set(lines);
  let line = 1;
  const drop = new Transform({
    transform(chunk: Buffer, _e, cb) {
      const parts: Buffer[] = [];
      let from = 0;
      for (let p = chunk.indexOf(0x0a); ; p = chunk.indexOf(0x0a, p + 1)) {
        const end = p === -1 ? chunk.length : p;
        if (!blank.has(line)) parts.push(chunk.subarray(from, end));
        if (p === -1) break;
        parts.push(chunk.subarray(p, p + 1));
        line++;
        from = p + 1;
      }
      cb(null, Buffer.concat(parts));
    },
  });
  await pipeline(
    ...((gz ? [createReadStream(path), createGunzip()] : [createReadStream(path)]) as [
      NodeJS.ReadableStream,
    ]),
    drop,
    createWriteStream(target),
  ).catch((e) => {
    // A truncated .csv.gz that ends while it is rewritten is rejected, never a failed night
    // (test/fuzz.test.ts found one).
    throw readError(e, gz);
  });
}
