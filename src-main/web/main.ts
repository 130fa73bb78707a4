import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../app/create-core';
import { defaultDataDir } from '../app/data-dir';
import { FileSecretStore } from '../app/file-secret-store';
import { consoleLogger } from '../app/logger';
import { EXIT_PROBLEM, EXIT_USAGE, openCoreOrExplain, stopOnSignals } from '../app/entry-support';
import { startWebBridge } from './web-bridge';

const USAGE = `Usage: npm run web -- [--data-dir DIR] [--port N] [--demo]

Serves Promemoria to a browser on this computer only (127.0.0.1).
  --data-dir DIR  the office data folder (default: ${defaultDataDir()})
  --port N        the port to listen on (default 4870; 0 picks a free one)
  --demo          a fresh temporary office filled with demo data`;

const DEFAULT_PORT = 4870;
const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    process.exit(EXIT_USAGE);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535\n\n${USAGE}`);
    process.exit(EXIT_USAGE);
  }

  const temporary = values.demo && !values['data-dir'] ? await mkdtemp(join(tmpdir(), 'promemoria-demo-')) : undefined;
  const dataDir = values['data-dir'] ?? temporary ?? defaultDataDir();
  const core = await openCoreOrExplain(() => createCore({ dataDir, demo: values.demo, secrets: new FileSecretStore(dataDir, { log: consoleLogger }) }));
  if (!core) process.exit(EXIT_PROBLEM);

  const cleanUp = async () => {
    await core.dispose();
    if (temporary) await rm(temporary, { recursive: true, force: true });
  };
  const bridge = await startWebBridge({ core, rendererDir: RENDERER_DIR, port })
    .catch((err: unknown) => {
      // The usual port is taken (another copy running?): take any free one rather than fail.
      if (values.port === undefined && (err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        return startWebBridge({ core, rendererDir: RENDERER_DIR, port: 0 });
      }
      throw err;
    })
    .catch(async (err: unknown) => {
      await cleanUp();
      throw err;
    });
  console.error(`Data folder: ${dataDir}${temporary ? ' (temporary demo office, removed on exit)' : ''}`);
  console.log(`Promemoria: ${bridge.url}`);

  stopOnSignals(async () => {
    await bridge.close();
    await cleanUp();
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(EXIT_PROBLEM);
});
