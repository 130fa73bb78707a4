import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-entry';

// electron-builder's own loader and schema check: packaging cannot run here (no
// Electron download), but a typo in the config still fails CI.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const yaml = require('js-yaml') as { load(text: string): unknown };

async function loadConfig(): Promise<Record<string, unknown>> {
  return yaml.load(await readFile(`${REPO_ROOT}/electron-builder.yml`, 'utf8')) as Record<string, unknown>;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration schema", async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would fail the schema on a misspelt key (the check can fail)', async () => {
    const config = { ...(await loadConfig()), asarUnpak: ['**/*.node'] };
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });

  it('keeps the security settings the product relies on', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({
      appId: 'it.promemoria.app',
      productName: 'Promemoria',
      asar: true,
      npmRebuild: false,
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableCookieEncryption: true,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
      },
    });
  });
});
