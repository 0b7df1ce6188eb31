/**
 * Benchmark of the interest engine's fast path (src/domain/interest/fast.ts) against the exact path
 * (computeStatement, decimal.js). See README.md.
 *
 *   npx tsx bench/interest/run.ts [--cases 1000000] [--seed 1] [--reps 3] [--exact 100000] [--verify-all]
 *                                 [--input cases.jsonl] [--chunk 0]
 */
import fs from 'node:fs';
import os from 'node:os';
import { computeStatement, type InterestCase } from '../../src/domain/interest/compute.ts';
import { FastInterest, totalsOf, type FastStats } from '../../src/domain/interest/fast.ts';
import { loadRateBook } from '../../src/integrations/rates/load-rate-book.ts';
import { generate, generateCases, prng } from './generate.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const input = (() => {
  const i = argv.indexOf('--input');
  return i >= 0 ? argv[i + 1] : undefined;
})();
const N = option('cases', 1_000_000);
const SEED = option('seed', 1);
const REPS = option('reps', 3);
const EXACT = option('exact', 100_000);
const CHUNK = option('chunk', 0);
const VERIFY_ALL = flag('verify-all');

let peakRss = 0;
const sampleRss = () => {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} cases/s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const book = loadRateBook();
console.log(`incasso interest benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]!.toFixed(2)}`);

/** The cases: a JSONL file, or generated (all in memory, or chunk by chunk with --chunk). */
function loadCases(): InterestCase[] {
  if (input) {
    const lines = fs.readFileSync(input, 'utf8').split('\n');
    const cases: InterestCase[] = [];
    for (const line of lines) if (line.trim()) cases.push(JSON.parse(line) as InterestCase);
    return cases.slice(0, N);
  }
  return generate(book, N, SEED);
}

/** One pass of the fast path over `cases`; every case is answered (the exact path for its fallbacks). */
function fastPass(engine: FastInterest, cases: InterestCase[], mode: 'strings' | 'cents'): number {
  let check = 0;
  if (mode === 'strings') {
    for (let i = 0; i < cases.length; i++) {
      check += engine.totals(cases[i]!).totalDue.length;
      if ((i & 0x1ffff) === 0) sampleRss();
    }
  } else {
    const cents = engine.cents;
    for (let i = 0; i < cases.length; i++) {
      if (engine.totalsCents(cases[i]!)) check += cents[8]!;
      else check += engine.totals(cases[i]!).totalDue.length;
      if ((i & 0x1ffff) === 0) sampleRss();
    }
  }
  return check;
}

const fallbacks = (s: FastStats) => Object.values(s.fallback).reduce((a, b) => a + b, 0);
const outcome = (f: () => unknown) => {
  try {
    return JSON.stringify(f());
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
};

if (CHUNK > 0) {
  // Streaming: generate and evaluate chunk by chunk; only the evaluation is timed. Memory stays flat.
  const engine = new FastInterest(book);
  let batch: InterestCase[] = [];
  let ms = 0;
  let n = 0;
  const flush = () => {
    const t = performance.now();
    fastPass(engine, batch, 'strings');
    ms += performance.now() - t;
    n += batch.length;
    batch = [];
  };
  for (const c of generateCases(book, N, SEED)) {
    batch.push(c);
    if (batch.length === CHUNK) flush();
  }
  flush();
  sampleRss();
  console.log(`fast path, strings, streamed in chunks of ${CHUNK}: ${rate(n, ms)} (${n.toLocaleString('en-US')} cases, ${ms.toFixed(0)} ms)`);
  console.log(`peak RSS: ${mb(peakRss)} sampled, ${mb(process.resourceUsage().maxRSS * 1024)} maxRSS`);
  process.exit(0);
}

let t = performance.now();
const cases = loadCases();
sampleRss();
console.log(
  `${cases.length.toLocaleString('en-US')} cases ${input ? `read from ${input}` : `generated (seed ${SEED})`} in ${((performance.now() - t) / 1000).toFixed(1)} s; RSS ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}`,
);
const mix = new Map<string, number>();
for (const c of cases) mix.set(c.regime, (mix.get(c.regime) ?? 0) + 1);
const withPayments = cases.filter((c) => c.payments?.length).length;
console.log(
  `mix: ${[...mix].map(([r, n]) => `${r} ${((n / cases.length) * 100).toFixed(0)}%`).join(', ')}; ${((withPayments / cases.length) * 100).toFixed(0)}% with part payments`,
);

// Warm-up (JIT), on its own engine, not timed.
{
  const warm = new FastInterest(book);
  const some = cases.slice(0, Math.min(cases.length, 100_000));
  for (let i = 0; i < 3; i++) {
    fastPass(warm, some, 'strings');
    fastPass(warm, some, 'cents');
  }
}

// The fast path: a fresh engine per repetition (the table compilations are timed too), one thread.
let stats: FastStats | undefined;
for (const mode of ['strings', 'cents'] as const) {
  const times: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const engine = new FastInterest(book);
    t = performance.now();
    fastPass(engine, cases, mode);
    times.push(performance.now() - t);
    if (mode === 'strings') stats = engine.stats;
  }
  const best = Math.min(...times);
  console.log(
    `fast path, ${mode === 'strings' ? 'totals as strings          ' : 'totals as cents (+formatter)'}: ${rate(cases.length, best)} best, ${rate(cases.length, median(times))} median of ${REPS} (${times.map((x) => x.toFixed(0)).join(' / ')} ms)`,
  );
}
console.log(
  `  answered by the fast path: ${stats!.fast.toLocaleString('en-US')}; handed to the exact path: ${fallbacks(stats!)} ${JSON.stringify(stats!.fallback)}; exact half cents resolved in the fast path: ${stats!.exactTies}; BigInt roundings: ${stats!.bigintRoundings}`,
);
sampleRss();
console.log(`  peak RSS so far (cases in memory + fast path): ${mb(peakRss)}`);

// The exact path, timed on a random sample (or on all cases), and compared with the fast path.
const rnd = prng(SEED + 1);
const sample: number[] = [];
if (VERIFY_ALL) for (let i = 0; i < cases.length; i++) sample.push(i);
else {
  const m = Math.min(Math.max(EXACT, 10_000), cases.length);
  const picked = new Set<number>();
  while (picked.size < m) picked.add(Math.floor(rnd() * cases.length));
  sample.push(...[...picked].sort((a, b) => a - b));
}
const engine = new FastInterest(book);
let exactMs = 0;
let mismatches = 0;
let errors = 0;
t = performance.now();
for (let k = 0; k < sample.length; k++) {
  const c = cases[sample[k]!]!;
  const t0 = performance.now();
  const want = outcome(() => totalsOf(computeStatement(book, c)));
  exactMs += performance.now() - t0;
  if (want.startsWith('error')) errors++;
  const got = outcome(() => engine.totals(c));
  if (got !== want) {
    mismatches++;
    if (mismatches <= 10) console.log(`MISMATCH ${JSON.stringify(c)}\n  exact ${want}\n  fast  ${got}`);
  }
  if ((k & 0xfff) === 0) sampleRss();
  if (k > 0 && k % 100_000 === 0) console.log(`  … ${k.toLocaleString('en-US')} verified, ${mismatches} mismatches`);
}
console.log(`exact path (decimal.js): ${rate(sample.length, exactMs)} on ${sample.length.toLocaleString('en-US')} ${VERIFY_ALL ? '' : 'sampled '}cases (${(exactMs / 1000).toFixed(1)} s)`);
console.log(`verified fast = exact on ${sample.length.toLocaleString('en-US')} cases (${errors} refused by both): ${mismatches} mismatches`);
sampleRss();
console.log(`peak RSS: ${mb(peakRss)} (sampled process.memoryUsage().rss), ${mb(process.resourceUsage().maxRSS * 1024)} (process.resourceUsage().maxRSS)`);
process.exitCode = mismatches === 0 ? 0 : 1;
