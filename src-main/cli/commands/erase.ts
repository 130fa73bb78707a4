import { EXIT_OK, EXIT_PROBLEM } from '../../app/entry-support';
import { invokeMethod } from '../../app/invoke';
import type { ErasureResult } from '../../contract/erasure-methods';
import type { CliCommand } from '../cli-command';

/** `erase --client ID --reason TEXT`: what the privacy panel's Erase button does, with the same checks. */
export const eraseCommand: CliCommand = {
  name: 'erase',
  usage: [
    'erase --client ID --reason TEXT',
    "                              erase a client's personal data (GDPR Art. 17); refused under a legal hold",
  ],
  options: { client: { type: 'string' }, reason: { type: 'string' } },
  checkUsage(values, args) {
    if (args.length > 0) return `Unexpected argument "${args[0]}".`;
    if (typeof values.client !== 'string' || !/^[1-9]\d*$/.test(values.client)) return 'erase needs --client ID (a number).';
    if (typeof values.reason !== 'string' || values.reason.trim() === '') return 'erase needs --reason TEXT.';
    return undefined;
  },
  async run({ core, values, print }) {
    const clientId = Number(values.client);
    // Through the contract, as the bridges call it: the reason is checked the same way.
    const outcome = await invokeMethod(core.api, 'privacy.erase', { clientId, reason: String(values.reason) }, core.log);
    if (!outcome.ok) {
      print(`Not erased: ${outcome.error.message}`);
      return EXIT_PROBLEM;
    }
    for (const line of erasureReport(outcome.value as ErasureResult)) print(line);
    return EXIT_OK;
  },
};

/** What the command prints: counts only, never a name or a number. */
export function erasureReport(result: ErasureResult): string[] {
  const { counts } = result;
  const lines = [
    `Client ${result.clientId} erased.`,
    `  Removed: name, mobile, e-mail and notes`,
    `  Messages deleted: ${counts.messages}`,
    `  Replies deleted: ${counts.replies}`,
    `  Future appointments deleted: ${counts.futureAppointments}`,
    `  Past appointments kept without name or notes: ${counts.pastAppointments}`,
    `  Consent records kept (no name or number in them): ${counts.consentRecords}`,
    `  Consent evidence files deleted: ${counts.evidenceFiles - result.evidenceFilesLeft}`,
  ];
  if (result.evidenceFilesLeft > 0) lines.push(`  Evidence files NOT deleted (outside the data folder, or refused): ${result.evidenceFilesLeft}`);
  lines.push(
    result.fileScrubbed
      ? '  Database file rewritten: no old copy of the data is left in it.'
      : '  The database file could not be rewritten yet (another program is reading it): press "Run now" under Privacy → Erasure → Retention later to finish.',
  );
  if (result.backups > 0) lines.push(`  Note: ${result.backups} backup copies in the backups folder still hold this client until they are deleted.`);
  return lines;
}
