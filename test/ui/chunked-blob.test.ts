import { describe, expect, it } from 'vitest';
import { ChunkedBlob } from '../../src/ui/chunked-blob.ts';

describe('ChunkedBlob', () => {
  it('gives back the chunks in order, whatever the batch', async () => {
    for (const batch of [1, 2, 3, 100]) {
      const blob = new ChunkedBlob(batch);
      const chunks = Array.from({ length: 7 }, (_, i) => `line ${i}\n`);
      for (const c of chunks) blob.add(c);
      expect(blob.length).toBe(chunks.join('').length);
      const out = blob.finish('text/csv');
      expect(out.type).toBe('text/csv');
      expect(await out.text()).toBe(chunks.join(''));
    }
  });
});
