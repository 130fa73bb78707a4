import { EXIT_OK } from '../../app/entry-support';
import type { CliCommand } from '../cli-command';

/** Final states worth a line each; the rest (queued, sending) would flood the terminal. */
const REPORTED = new Set(['submitted', 'delivered', 'failed', 'expired', 'cancelled']);

/**
 * The scheduler and dispatcher without a window: plans reminders and sends them
 * through the configured channel until SIGINT or SIGTERM. Shutting down stops
 * claiming, lets the channel answer what is in flight, and writes the answers.
 */
export const runCommand: CliCommand = {
  name: 'run',
  usage: ['run                           plan and send reminders with the configured channel until Ctrl+C'],
  options: {},
  usesSmsChannel: true,
  dispatches: true,
  checkUsage: (_values, args) => (args.length > 0 ? `Unexpected argument "${args[0]}".` : undefined),
  async run({ core, print }) {
    const status = await core.api['dispatch.status']({});
    print(`Promemoria is sending reminders (channel: ${status.channel.kind}, ${status.channel.detail}).`);
    print(`${status.queued} message(s) queued${status.paused ? '; sending is PAUSED (resume it in the app)' : ''}. Ctrl+C stops.`);
    const lastState = new Map<number, string>();
    const stopReporting = core.events.subscribe(({ event, payload }) => {
      if (event !== 'messages.changed') return;
      void Promise.all(payload.ids.map((id) => core.api['messages.timeline']({ id }).catch(() => undefined))).then((timelines) => {
        for (const timeline of timelines) {
          const message = timeline?.message;
          if (!message || lastState.get(message.id) === message.state || !REPORTED.has(message.state)) continue;
          lastState.set(message.id, message.state);
          // Ids and states only: phone numbers and texts stay out of terminals and their scrollback.
          print(`${new Date().toISOString()}  message ${message.id} ${message.state}${message.error ? `: ${message.error}` : ''}`);
        }
      });
    });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    stopReporting();
    print('Stopping: waiting for messages in flight to be answered…');
    return EXIT_OK;
  },
};
