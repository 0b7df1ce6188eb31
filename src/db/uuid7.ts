import { randomFillSync } from 'node:crypto';

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows created together
 * get neighbouring keys, so a bulk write appends to the right edge of every uuid index instead of
 * touching a random page of it per row — what keeps a million-row import from thrashing the buffer
 * cache. Monotonic within a process: in the same millisecond the random part is incremented.
 */
const pool = Buffer.alloc(16 * 256);
let poolAt = pool.length;
let lastMs = 0;
const last = Buffer.alloc(16);

export function uuid7(now = Date.now()): string {
  const b = Buffer.allocUnsafe(16);
  if (now > lastMs) {
    lastMs = now;
    if (poolAt >= pool.length) {
      randomFillSync(pool);
      poolAt = 0;
    }
    pool.copy(b, 0, poolAt, poolAt + 16);
    poolAt += 16;
    b.writeUIntBE(now, 0, 6);
    b[6] = 0x70 | (b[6]! & 0x0f);
    b[8] = 0x80 | (b[8]! & 0x3f);
    b[9] = b[9]! & 0x7f; // headroom for increments within one millisecond
  } else {
    // Same (or a past) millisecond: the previous id plus one in its random tail keeps the order.
    last.copy(b);
    for (let i = 15; i >= 9; i--) {
      b[i] = (b[i]! + 1) & 0xff;
      if (b[i] !== 0) break;
    }
  }
  b.copy(last);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
