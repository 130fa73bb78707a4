/**
 * The web entry for the UI benchmarks: what `npm run web` does (the real core, the
 * real web bridge on 127.0.0.1), except that it serves a UI built into a folder of
 * the benchmark's own, so that it never reads or rebuilds dist/renderer under a
 * test run going on beside it.
 *
 *   node --import tsx test/bench/ui-server.ts --renderer-dir DIR --data-dir DIR [--port N] [--demo]
 */
import { parseArgs } from 'node:util';
import { createCore } from '../../src-main/app/create-core';
import { EXIT_PROBLEM, stopOnSignals } from '../../src-main/app/entry-support';
import { startWebBridge } from '../../src-main/web/web-bridge';

const { values } = parseArgs({
  options: {
    'renderer-dir': { type: 'string' },
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    demo: { type: 'boolean', default: false },
  },
});
const rendererDir = values['renderer-dir'];
const dataDir = values['data-dir'];
if (!rendererDir || !dataDir) {
  console.error('usage: ui-server.ts --renderer-dir DIR --data-dir DIR [--port N] [--demo]');
  process.exit(EXIT_PROBLEM);
}

const core = await createCore({ dataDir, demo: values.demo });
const bridge = await startWebBridge({ core, rendererDir, port: Number(values.port) });
console.log(`Promemoria: ${bridge.url}`);
stopOnSignals(async () => {
  await bridge.close();
  await core.dispose();
});
