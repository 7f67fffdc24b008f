/**
 * The few pieces of the WebAssembly binary format (version 1, with SIMD) that the row kernels
 * need, so that a kernel can be written here, specialised to the data's d at run time, with no
 * build step and no tool: numbers in LEB128, vectors, sections, and the instructions by name.
 * See the WebAssembly core specification, "Binary Format".
 */

/** A value type's byte. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (int32). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A vector: its length, then its items' bytes. */
export function vec(items: readonly (readonly number[])[]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

/** A name (ASCII here, so its UTF-8 bytes are its char codes) as a vector. */
export function name(s: string): number[] {
  return vec([...s].map((c) => [c.charCodeAt(0)]));
}

/** A section: id, byte length, contents. */
export function section(id: number, contents: readonly number[]): number[] {
  return [id, ...uleb(contents.length), ...contents];
}

/** The module header: magic "\0asm", version 1. */
export const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** Instructions. Each returns its bytes; a body is a flat array of them. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  tee: (i: number) => [0x22, ...uleb(i)],
  globalGet: (i: number) => [0x23, ...uleb(i)],
  globalSet: (i: number) => [0x24, ...uleb(i)],
  /** f64.load, 8-byte aligned, at address + offset. */
  f64Load: (offset: number) => [0x2b, 3, ...uleb(offset)],
  f64Store: (offset: number) => [0x39, 3, ...uleb(offset)],
  /** i32.store, 4-byte aligned, at address + offset. */
  i32Store: (offset: number) => [0x36, 2, ...uleb(offset)],
  i32Const: (v: number) => [0x41, ...sleb(v)],
  f64Const: (v: number) => [0x44, ...new Uint8Array(Float64Array.of(v).buffer)],
  i32LtU: [0x49],
  i32GtU: [0x4b],
  i32LeU: [0x4d],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32And: [0x71],
  i32Shl: [0x74],
  i32ShrU: [0x76],
  f64Gt: [0x64],
  f64Ge: [0x66],
  f64Add: [0xa0],
  f64Sub: [0xa1],
  f64Mul: [0xa2],
  f64ConvertI32U: [0xb8],
  /** v128.load at address + offset (8-byte aligned is enough for two doubles). */
  v128Load: (offset: number) => [0xfd, 0x00, 3, ...uleb(offset)],
  v128Store: (offset: number) => [0xfd, 0x0b, 3, ...uleb(offset)],
  /** i8x16.shuffle of two vectors by 16 byte indices (0–15 the first, 16–31 the second). */
  shuffle: (bytes: readonly number[]) => [0xfd, 0x0d, ...bytes],
  v128And: [0xfd, ...uleb(78)],
  f64x2Splat: [0xfd, ...uleb(20)],
  f64x2Gt: [0xfd, ...uleb(74)],
  i64x2Bitmask: [0xfd, ...uleb(196)],
  f64x2Ge: [0xfd, ...uleb(76)],
  f64x2Add: [0xfd, ...uleb(240)],
  f64x2ExtractLane: (lane: number) => [0xfd, ...uleb(33), lane],
  f64x2ReplaceLane: (lane: number) => [0xfd, ...uleb(34), lane],
  f64x2Sub: [0xfd, ...uleb(241)],
  f64x2Mul: [0xfd, ...uleb(242)],
};
