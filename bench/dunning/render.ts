/**
 * Benchmark of the dunning-letter renderers (src/integrations/letters): single PDFs, one merged
 * batch PDF, and e-mails, over N generated letters. See README.md.
 *
 *   taskset -c 0 npx tsx bench/dunning/render.ts [--letters 1000] [--currency CHF|EUR] [--seed 1] [--out dir]
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { calculateQRReferenceChecksum, calculateSCORReferenceChecksum } from 'swissqrbill/utils';
import { renderEmail, renderLetterBatch, renderLetterPdf, type LetterInput } from '../../src/integrations/letters/index.ts';
import { italianLetter, swissGermanLetter } from '../../src/integrations/letters/test-fixtures.ts';
import { prng } from '../interest/generate.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(option('letters') ?? 1000);
const SEED = Number(option('seed') ?? 1);
const CURRENCY = (option('currency') ?? 'CHF').toUpperCase() as 'CHF' | 'EUR';
const OUT = option('out');
if (!Number.isInteger(N) || N < 1) throw new Error('--letters must be a positive integer');
if (CURRENCY !== 'CHF' && CURRENCY !== 'EUR') throw new Error('--currency must be CHF or EUR');

let peakRss = 0;
const sampleRss = () => {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const perSecond = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} letters/s`;

const FIRST = ['Jürg', 'Anaïs', 'Niccolò', 'Zoë', 'Łukasz', 'Renée', 'Björn', 'Ștefan', 'Chloé', 'Oliver', 'Fabienne', 'Gianluca'];
const LAST = ['Müller', 'Dell’Orto', 'Bösch-Égloff', 'Lefèvre', 'Rossi', 'Känzig', 'O’Brien', 'Château', 'Nüesch', 'Bianchi'];
const STREETS = ['Bahnhofstrasse', 'Rue du Marché', 'Via Nassa', 'Seestrasse', 'Route de Lausanne', 'Via Roma', 'Hauptgasse'];
const CITIES = ['8001 Zürich', '1204 Genève', '6900 Lugano', '3011 Bern', '4051 Basel', '1003 Lausanne', '9000 St. Gallen'];
const IT_CITIES = ['20121 Milano MI', '10121 Torino TO', '00184 Roma RM', '40121 Bologna BO', '50122 Firenze FI'];

/** A cents amount as a decimal string, never through a float. */
const toAmount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** N different letters: names, addresses, amounts, references and 1–3 claims vary; every sum adds up. */
function generateLetters(n: number, seed: number, currency: 'CHF' | 'EUR'): LetterInput[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const letters: LetterInput[] = [];
  for (let i = 0; i < n; i++) {
    const base = currency === 'CHF' ? swissGermanLetter() : italianLetter();
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const claims = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_x, k) => {
      const principal = 1000 + Math.floor(rnd() * 500_000);
      const costs = Math.floor(rnd() * 5_000);
      const template = base.claims[k % base.claims.length]!;
      return {
        ...template,
        reference: `R-${2024 + (k % 2)}-${String(i * 3 + k).padStart(5, '0')}`,
        principal: toAmount(principal),
        interest: '0.00',
        costs: toAmount(costs),
        paid: '0.00',
        totalDue: toAmount(principal + costs),
        statement: undefined,
        cents: principal + costs,
        p: principal,
        c: costs,
      };
    });
    const total = claims.reduce((s, c) => s + c.cents, 0);
    const principal = claims.reduce((s, c) => s + c.p, 0);
    const costs = claims.reduce((s, c) => s + c.c, 0);
    const serial = String(100_000 + i).padStart(8, '0');
    const qrr = `${'2100000000'}${serial}${'00000000'}`;
    letters.push({
      ...base,
      interestMode: 'mention',
      documentId: `L-BENCH-${serial}`,
      recipient: {
        name,
        lines: [`${pick(STREETS)} ${1 + Math.floor(rnd() * 120)}`, currency === 'CHF' ? pick(CITIES) : pick(IT_CITIES)],
        country: currency === 'CHF' ? 'CH' : 'IT',
      },
      salutation: currency === 'CHF' ? `Guten Tag ${name}` : `Gentile ${name},`,
      claims: claims.map(({ cents: _c, p: _p, c: _k, ...claim }) => claim),
      totals: { principal: toAmount(principal), interest: '0.00', costs: toAmount(costs), paid: '0.00', totalDue: toAmount(total) },
      payment: {
        ...base.payment,
        amount: toAmount(total),
        reference: currency === 'CHF' ? qrr + calculateQRReferenceChecksum(qrr) : `RF${calculateSCORReferenceChecksum(serial)}${serial}`,
        message: claims.map((c) => c.reference).join(', '),
      },
    });
  }
  return letters;
}

const letters = generateLetters(N, SEED, CURRENCY);
console.log(
  `incasso dunning-letter benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]!.toFixed(2)}; ${N} ${CURRENCY} letters${CURRENCY === 'CHF' ? ' with QR-bill' : ''}`,
);

// Warm-up (JIT, font parsing): not timed, and not part of the figures.
for (const l of letters.slice(0, 20)) await renderLetterPdf(l);
sampleRss();

{
  const hash = createHash('sha256');
  let bytes = 0;
  const t = performance.now();
  for (let i = 0; i < letters.length; i++) {
    const pdf = await renderLetterPdf(letters[i]!);
    bytes += pdf.length;
    hash.update(pdf);
    if (OUT && i < 5) fs.writeFileSync(path.join(OUT, `letter-${i}.pdf`), pdf);
    if ((i & 63) === 0) sampleRss();
  }
  const ms = performance.now() - t;
  sampleRss();
  console.log(`single PDFs : ${perSecond(N, ms)}  (${(ms / N).toFixed(2)} ms/letter, ${(bytes / N / 1024).toFixed(1)} KB/letter, sha256 ${hash.digest('hex').slice(0, 12)})`);
}
{
  const t = performance.now();
  const batch = await renderLetterBatch(letters, { duplex: true });
  const ms = performance.now() - t;
  sampleRss();
  if (OUT) {
    fs.writeFileSync(path.join(OUT, 'batch.pdf'), batch.pdf);
    fs.writeFileSync(path.join(OUT, 'manifest.csv'), batch.manifest);
  }
  const pages = batch.manifest.trimEnd().split('\r\n').slice(1).reduce((s, row) => s + Number(row.split(';')[7]), 0);
  console.log(`batch PDF   : ${perSecond(N, ms)}  (${(ms / N).toFixed(2)} ms/letter, ${pages} pages duplex, ${mb(batch.pdf.length)})`);
}
{
  const t = performance.now();
  let chars = 0;
  for (const l of letters) chars += renderEmail(l).html.length;
  const ms = performance.now() - t;
  console.log(`e-mails     : ${perSecond(N, ms)}  (${(chars / N / 1024).toFixed(1)} KB HTML/letter)`);
}
sampleRss();
console.log(`peak RSS    : ${mb(peakRss)} (sampled; /usr/bin/time -v gives the exact figure)`);
