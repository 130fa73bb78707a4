import { EXIT_OK, EXIT_PROBLEM } from '../../app/entry-support';
import { waitForLink } from '../../sms/wait-for-link';
import type { CliCommand } from '../cli-command';

const CHANNEL_WAIT_MS = 15_000;

/** Prints the store's health; exit 0 when healthy, 1 with the reasons otherwise. */
export const doctorCommand: CliCommand = {
  name: 'doctor',
  usage: ['doctor                        check the database and the SMS channel (exit 0 when healthy)'],
  options: {},
  usesSmsChannel: true,
  checkUsage: (_values, args) => (args.length > 0 ? `Unexpected argument "${args[0]}".` : undefined),
  async run({ core, print }) {
    // A modem or an SMPP account needs a moment to connect before its state means anything.
    await waitForLink(core.sms, CHANNEL_WAIT_MS);
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
    for (const { label, value } of core.sms.describe()) print(`    ${`${label}:`.padEnd(14)}${value}`);
    if (channel.lastError !== undefined) print(`  Last error:      ${channel.lastError}`);
    if (health.healthy) {
      print('Healthy.');
      return EXIT_OK;
    }
    print(`Not healthy: ${health.problems.join('; ')}`);
    return EXIT_PROBLEM;
  },
};
