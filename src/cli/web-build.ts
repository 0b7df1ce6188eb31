import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = path.join(ROOT, 'web');
const STAMP = path.join(WEB, 'dist', '.source-hash');

function sourceHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'dist' || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else h.update(path.relative(WEB, full)).update(fs.readFileSync(full));
    }
  };
  walk(WEB);
  return h.digest('hex');
}

/**
 * Builds the web UI when its sources changed since the last build (or it was never built), so
 * `npm start` on a fresh clone serves the UI with no separate step. Returns what it did.
 */
export async function ensureWebBuilt(opts: { force?: boolean; log?: (s: string) => void } = {}): Promise<'fresh' | 'built' | 'unavailable'> {
  if (!fs.existsSync(path.join(WEB, 'index.html'))) return 'unavailable';
  const hash = sourceHash();
  if (!opts.force && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) return 'fresh';
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    opts.log?.('The web UI is not built and Vite is not installed (npm ci --omit=dev?): run `npm run build:web` where dev dependencies are installed.');
    return 'unavailable';
  }
  opts.log?.('Building the web UI (first start or changed sources)…');
  await vite.build({ configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(STAMP, hash);
  return 'built';
}
