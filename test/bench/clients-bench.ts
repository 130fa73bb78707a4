/**
 * Client search over 100,000 clients (DESIGN.md section 6: p95 ≤ 10 ms), through
 * the core's own `clients.list` handler on a real database file. Run alone with
 * `npx tsx test/bench/clients-bench.ts`; `npm run bench` prints it with the rest.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createCore } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { silentLogger } from '../../src-main/app/logger';
import { pick, seededRandom, type RandomSource } from '../../src-main/app/random';
import type { Database } from '../../src-main/db/database';
import { migrations } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';

const CLIENTS = 100_000;
const SAMPLES = 600;

const FIRST_NAMES = [
  'Marco', 'Giulia', 'Luca', 'Francesca', 'Alessandro', 'Chiara', 'Matteo', 'Sara', 'Lorenzo', 'Valentina',
  'Andrea', 'Elena', 'Davide', 'Martina', 'Simone', 'Federica', 'Giorgio', 'Silvia', 'Paolo', 'Laura',
  'Stefano', 'Alessia', 'Roberto', 'Beatrice', 'Fabio', 'Serena', 'Antonio', 'Ilaria', 'Giuseppe', 'Anna',
  'Mario', 'Maria', 'Giovanni', 'Rosa', 'Nicolò', 'Lucia', 'Pietro', 'Angela', 'Salvatore', 'Teresa',
  'Francesco', 'Carla', 'Vincenzo', 'Rita', 'Bruno', 'Giovanna', 'Riccardo', 'Marta', 'Emanuele', 'Noemi',
];
const LAST_NAMES = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
  'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone',
  'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola', 'De Santis', "D'Angelo", 'Marchetti',
  'Parisi', 'Villa', 'Conte', 'Ferraro', 'Ferri', 'Fabbri', 'Bianco', 'Marini', 'Grasso', 'Valentini',
  'Messina', 'Sala', 'De Angelis', 'Gatti', 'Pellegrini', 'Palumbo', 'Sanna', 'Farina', 'Rizzi', 'Monti',
  'Cattaneo', 'Morelli', 'Amato', 'Silvestri', 'Mazza', 'Testa', 'Grassi', 'Pellegrino', 'Carbone', 'Giuliani',
  'Benedetti', 'Barone', 'Rossini', 'Rosselli', 'Rossetti', 'Rosso', 'Orlando', 'Damico', 'Negri', 'Bellini',
  'Fiore', 'Bassi', 'Sartori', 'Basile', 'Riva', 'Donati', 'Piras', 'Ruggiero', 'Montanari', 'Battaglia',
  'Neri', 'Bernardi', 'Fumagalli', 'Cirillo', 'Guerra', 'Sorrentino', 'Caputo', 'Mele', 'Ferretti', 'Bertolini',
];
const MOBILE_PREFIXES = ['320', '324', '328', '329', '331', '333', '334', '338', '339', '340', '345', '347', '348', '349', '351', '366', '371', '380', '388', '392'];

/** What a receptionist types: name beginnings, a name and some digits, digits alone, a few letters, nothing found. */
const QUERIES = [
  'ross', 'ross 333', '5556', 'mar bia', 'esposito giu', 'de luc', 'zzz', '347 12', 'fer', 'colombo anna',
  'd ange', 'nicolo', 'gi', '338', 'greco 9',
];

/** Clients spread like a real list: repeated common surnames, most with a mobile, a few archived. */
async function seedClients(db: Database, random: RandomSource, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const mobile =
        random.next() < 0.95 ? `+39${pick(random, MOBILE_PREFIXES)}${String(Math.floor(random.next() * 1e7)).padStart(7, '0')}` : null;
      const archivedAt = random.next() < 0.03 ? 1 : null;
      await tx.run(
        `INSERT INTO clients (first_name, last_name, mobile, language, archived_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [pick(random, FIRST_NAMES), pick(random, LAST_NAMES), mobile, random.next() < 0.03 ? 'en' : 'it', archivedAt, i, i],
      );
    }
  });
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function benchClientSearch(): Promise<{ clients: number; p50: number; p95: number; samples: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'promemoria-clients-bench-'));
  try {
    const dataDir = join(dir, 'office');
    const core = await createCore({ dataDir, log: silentLogger });
    try {
      // Seeded through a second connection with plain SQL, as an old office's data would be found.
      const { db } = await openDatabase({ path: databasePathIn(dataDir), migrations, backupsDir: join(dir, 'b'), now: Date.now });
      await seedClients(db, seededRandom(11), CLIENTS);
      await db.close();

      const search = (i: number) =>
        core.api['clients.list']({ query: QUERIES[i % QUERIES.length] ?? '', sort: 'lastName', archived: false, limit: 50, offset: 0 });
      for (let i = 0; i < QUERIES.length * 2; i++) await search(i); // warm the page cache
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const start = performance.now();
        await search(i);
        samples.push(performance.now() - start);
      }
      return { clients: CLIENTS, p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length };
    } finally {
      await core.dispose();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchClientSearch();
  console.log(
    `client search over ${result.clients.toLocaleString('en')} clients: p50 ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms (target p95 ≤ 10 ms)`,
  );
}
