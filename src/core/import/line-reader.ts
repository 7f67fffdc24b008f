/**
 * Chunks of a file's bytes in, whole lines out: the streaming half both importers share.
 *
 * A line is handed to `line(buf, start, stop)` as a contiguous byte range, without its '\n' and
 * a '\r' before it (CRLF), and the first line without a UTF-8 BOM. Lines inside a chunk are read
 * in place; only a line split across chunks is copied (into `pending`, which grows), so a chunk
 * costs one copy of at most one line.
 */
import { byteText } from './import-limits.ts';
import { columnOf } from './text-bytes.ts';
import { ImportError, type ImportErrorCode } from './types.ts';

export abstract class LineReader {
  /** Bytes pushed so far. */
  bytesRead = 0;
  /** Lines started so far: the 1-based number of the line being read. */
  lines = 0;
  /** The file offset just past the line being read (its '\n' included): sizes estimates. */
  protected lineEnd = 0;
  private pending = new Uint8Array(256);
  private pendingLength = 0;
  private error: ImportError | null = null;
  private ended = false;

  /** `lineBytes`: the longest line allowed (a longer one is refused while it is read). */
  constructor(private readonly lineBytes: number) {}

  /** Reads one line: bytes [start, stop) of buf (no line end). Throws ImportError. */
  protected abstract line(buf: Uint8Array, start: number, stop: number): void;

  push(chunk: Uint8Array): void {
    if (this.error) throw this.error;
    if (this.ended) throw new Error('push after finish: an importer reads one file');
    try {
      const base = this.bytesRead;
      this.bytesRead += chunk.length;
      let start = 0;
      if (this.pendingLength > 0) {
        const nl = chunk.indexOf(10);
        this.keep(chunk, 0, nl < 0 ? chunk.length : nl);
        if (nl < 0) return;
        this.lineEnd = base + nl + 1;
        this.emit(this.pending, 0, this.pendingLength);
        this.pendingLength = 0;
        start = nl + 1;
      }
      for (;;) {
        const nl = chunk.indexOf(10, start);
        if (nl < 0) break;
        this.lineEnd = base + nl + 1;
        this.emit(chunk, start, nl);
        start = nl + 1;
      }
      this.keep(chunk, start, chunk.length);
    } catch (e) {
      if (e instanceof ImportError) this.error = e;
      throw e;
    }
  }

  /** Reads the last line when the file does not end with '\n'. Throws ImportError. */
  protected endLines(): void {
    if (this.error) throw this.error;
    // finish() packs the rows in place: a second one would read packed rows as unpacked.
    if (this.ended) throw new Error('finish called twice: an importer reads one file');
    this.ended = true;
    try {
      this.lineEnd = this.bytesRead;
      if (this.pendingLength > 0) this.emit(this.pending, 0, this.pendingLength);
      this.pendingLength = 0;
    } catch (e) {
      if (e instanceof ImportError) this.error = e;
      throw e;
    }
  }

  /** Remembers a failure raised outside push and endLines, so later calls throw it again. */
  protected spent(e: unknown): unknown {
    if (e instanceof ImportError) this.error = e;
    return e;
  }

  /** Appends bytes of a line not yet ended to `pending`. */
  private keep(chunk: Uint8Array, start: number, stop: number): void {
    const length = this.pendingLength + stop - start;
    if (stop <= start) return;
    if (length > this.lineBytes) {
      this.lines++;
      throw new ImportError(
        'line-too-long',
        this.lines,
        null,
        `a line of at most ${byteText(this.lineBytes)}`,
        'a longer one (is this a text file?)',
      );
    }
    if (length > this.pending.length) {
      const grown = new Uint8Array(Math.max(length, 2 * this.pending.length));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(chunk.subarray(start, stop), this.pendingLength);
    this.pendingLength = length;
  }

  private emit(buf: Uint8Array, start: number, stop: number): void {
    this.lines++;
    if (stop > start && buf[stop - 1] === 13) stop--;
    if (this.lines === 1 && stop - start >= 2) {
      const bom = stop - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb;
      if (bom && buf[start + 2] === 0xbf) start += 3;
      else if (
        (buf[start] === 0xff && buf[start + 1] === 0xfe) ||
        (buf[start] === 0xfe && buf[start + 1] === 0xff)
      ) {
        // Excel's "Unicode text" and some Windows tools write UTF-16: say so, not "not a number".
        const mark = buf[start] === 0xff ? 'FF FE' : 'FE FF';
        throw new ImportError(
          'encoding',
          1,
          1,
          'UTF-8 text',
          `a UTF-16 file (it starts with the byte-order mark ${mark}; save it as UTF-8)`,
        );
      }
    }
    this.line(buf, start, stop);
  }

  /**
   * An ImportError at byte `pos` of the current line (which starts at byte `lineStart` of buf),
   * or about the line as a whole when pos is null.
   */
  protected fail(
    code: ImportErrorCode,
    buf: Uint8Array,
    lineStart: number,
    pos: number | null,
    expected: string,
    found: string,
  ): ImportError {
    const column = pos === null ? null : columnOf(buf, lineStart, pos);
    return new ImportError(code, this.lines, column, expected, found);
  }
}

/** True when bytes [start, stop) are only spaces and tabs. */
export function isBlank(buf: Uint8Array, start: number, stop: number): boolean {
  for (let i = start; i < stop; i++) {
    const c = buf[i]!;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
