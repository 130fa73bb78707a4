/**
 * Reference SMS-SUBMIT PDUs from gammu, an encoder no code of ours wrote:
 * `gammu displaysms` encodes exactly what `sendsms` would send, and the dummy
 * driver (`model = dummy`, `connection = none`) lets it run without a modem.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type GammuValidity = 'HOUR' | '6HOURS' | 'DAY' | '3DAYS' | 'WEEK' | 'MAX';

export interface GammuSubmitOptions {
  to: string;
  text: string;
  unicode: boolean;
  report: boolean;
  validity?: GammuValidity;
}

export interface GammuTpdu {
  /** Hex TPDU: gammu's SMSC field (it writes an empty "01 81") taken off. */
  tpdu: string;
  /** The 8-bit reference in the concatenation UDH, when there is one. */
  concatReference: number | undefined;
}

/** Writes a gammurc for the dummy driver in `dir`; returns its path. */
export async function writeDummyGammurc(dir: string): Promise<string> {
  const device = path.join(dir, 'dummy-phone');
  await mkdir(device, { recursive: true });
  const rc = path.join(dir, 'gammurc');
  await writeFile(rc, `[gammu]\ndevice = ${device}\nconnection = none\nmodel = dummy\n`);
  return rc;
}

export async function gammuSubmitTpdus(gammurc: string, options: GammuSubmitOptions): Promise<GammuTpdu[]> {
  const args = ['-c', gammurc, 'displaysms', 'TEXT', options.to, '-len', String(options.text.length)];
  if (options.unicode) args.push('-unicode');
  if (options.report) args.push('-report');
  if (options.validity) args.push('-validity', options.validity);
  args.push('-textutf8', options.text);
  const { stdout } = await run('gammu', args, { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  const wholePdus = [...stdout.matchAll(/^Whole PDU\s*:\s*([0-9A-F]+)\s*$/gm)].map((match) => match[1] ?? '');
  if (wholePdus.length === 0) throw new Error(`gammu printed no PDU:\n${stdout}`);
  return wholePdus.map((hex) => {
    const bytes = Buffer.from(hex, 'hex');
    const tpdu = bytes.subarray(1 + (bytes[0] ?? 0));
    return { tpdu: tpdu.toString('hex').toUpperCase(), concatReference: concatReferenceOf(tpdu) };
  });
}

/** Walks an SMS-SUBMIT TPDU to its user data header (23.040 §9.2.2.2). */
function concatReferenceOf(tpdu: Buffer): number | undefined {
  const firstOctet = tpdu[0] ?? 0;
  if ((firstOctet & 0x40) === 0) return undefined;
  const daDigits = tpdu[2] ?? 0;
  const validityOctets = [0, 7, 1, 7][(firstOctet >> 3) & 0x03] ?? 0;
  const userData = 2 + 2 + Math.ceil(daDigits / 2) + 2 + validityOctets + 1;
  // 05 00 03 ref total index
  return tpdu[userData + 2] === 0x03 ? tpdu[userData + 3] : undefined;
}
