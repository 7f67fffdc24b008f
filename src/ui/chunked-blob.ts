/**
 * Text arriving in chunks gathered into one Blob without holding every chunk as a string: each
 * `batch` chunks are folded into a Blob (which the browser may keep off the JS heap), so a
 * dataset of 10^7 rows streams out without one giant string or hundreds of live ones.
 */
export class ChunkedBlob {
  private parts: BlobPart[] = [];
  private pending = 0;
  /** Characters added so far. */
  length = 0;

  constructor(private readonly batch = 32) {}

  add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (++this.pending >= this.batch) {
      this.parts = [new Blob(this.parts)];
      this.pending = 0;
    }
  }

  /** The whole text as a Blob of this MIME type. */
  finish(type: string): Blob {
    return new Blob(this.parts, { type });
  }
}
