/**
 * gammu as an AT client no code of ours wrote, talking to the simulator through
 * the pseudo-terminal: if gammu can send and read messages through it, the
 * simulator speaks AT the way real modems do, not just the way our driver expects.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function runGammu(dir: string, device: string, args: string[]): Promise<string> {
  const rc = path.join(dir, 'gammurc-at');
  await writeFile(rc, `[gammu]\ndevice = ${device}\nconnection = at\n`);
  return new Promise((resolve, reject) => {
    execFile(
      'gammu',
      ['-c', rc, ...args],
      { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC' }, timeout: 30_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`gammu ${args[0]} failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

export interface GammuListedSms {
  location: number;
  /** "SMS message" or "SMS status report". */
  kind: string;
  fields: Record<string, string>;
  text: string;
}

/** The messages printed by `gammu getallsms`. */
export function parseGetallsms(stdout: string): GammuListedSms[] {
  return stdout
    .split(/^Location /m)
    .slice(1)
    .map((block) => {
      const [head = '', ...rest] = block.split(/\n\s*\n/);
      const lines = head.split('\n');
      const fields: Record<string, string> = {};
      for (const line of lines.slice(2)) {
        const match = /^(.+?)\s+:\s?(.*)$/.exec(line);
        if (match) fields[match[1] ?? ''] = (match[2] ?? '').replace(/^"(.*)"$/, '$1');
      }
      const isReport = (lines[1] ?? '').includes('status report');
      return {
        location: Number.parseInt(lines[0] ?? '', 10),
        kind: (lines[1] ?? '').trim(),
        fields,
        text: isReport ? '' : (rest[0] ?? '').replace(/\n+$/, ''),
      };
    });
}
