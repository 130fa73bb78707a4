import type { Core } from '../../app/create-core';
import { EXIT_OK, EXIT_PROBLEM } from '../../app/entry-support';

/** Prints the store's health; exit 0 when healthy, 1 with the reasons otherwise. */
export async function doctor(core: Core, print: (line: string) => void): Promise<number> {
  const health = await core.api['store.health']({});
  const channel = health.smsChannel;
  print('Promemoria doctor');
  print(`  Data folder:     ${core.dataDir}`);
  print(`  Database:        ${health.databasePath}`);
  print(
    `  Schema version:  ${health.schemaVersion}` +
      (health.schemaVersion === health.latestSchemaVersion ? ' (current)' : ` (expected ${health.latestSchemaVersion})`),
  );
  print(`  Integrity:       ${health.integrity}`);
  print(`  SMS channel:     ${channel.kind}${channel.healthy ? '' : ' (NOT WORKING)'}: ${channel.detail}`);
  if (health.healthy) {
    print('Healthy.');
    return EXIT_OK;
  }
  print(`Not healthy: ${health.problems.join('; ')}`);
  return EXIT_PROBLEM;
}
