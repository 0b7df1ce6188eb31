import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from './zip-writer.ts';

describe('writeZip', () => {
  const entries = [
    { name: 'indice.pdf', data: Buffer.from('%PDF-1.3 '.repeat(50)) },
    { name: 'diffide/è.txt', data: Buffer.from('x') },
  ];
  it('gives the same bytes for the same entries, whatever the time, and reads back', () => {
    const a = writeZip(entries, '2026-12-06');
    const b = writeZip(entries, '2026-12-06');
    expect(a.equals(b)).toBe(true);
    expect(readZip(a)).toEqual(entries);
    expect(writeZip(entries, '2026-12-07').equals(a)).toBe(false);
  });
  it('is a ZIP that unzip accepts, entries dated on the day given', () => {
    let listing: string;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-'));
    try {
      const file = path.join(dir, 'a.zip');
      fs.writeFileSync(file, writeZip(entries, '2026-12-06'));
      listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    } catch {
      return; // no unzip on this machine: the round trip above still holds
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(listing).toMatch(/2026-12-06|12-06-2026/);
    expect(listing).toContain('indice.pdf');
  });
});
