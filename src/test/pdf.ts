import { spawnSync } from 'node:child_process';

/** A PDF's text as poppler's pdftotext reads it (layout kept); non-breaking and narrow spaces as plain spaces. */
export function pdfText(pdf: Buffer): string {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.replace(/[\u00a0\u202f]/g, ' ');
}
