import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialLink } from '../../../src-main/sms/modem/serial-link';
import { startPtyPair, type PtyPair } from '../../peers/modem-simulator/pty-pair';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function ptyPair(): Promise<PtyPair> {
  const dir = await mkdtemp(path.join(tmpdir(), 'promemoria-link-'));
  const pty = await startPtyPair(dir);
  cleanup.push(() => rm(dir, { recursive: true, force: true }), () => pty.stop());
  return pty;
}

async function openFarEnd(pty: PtyPair): Promise<SerialPort> {
  const port = new SerialPort({ path: pty.simulatorPath, baudRate: 115200, autoOpen: false });
  port.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  cleanup.push(() => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())));
  return port;
}

describe('SerialLink', () => {
  it('opens a pseudo-terminal although it refuses DTR/RTS, and splits lines while showing raw text', async () => {
    const pty = await ptyPair();
    const far = await openFarEnd(pty);
    const lines: string[] = [];
    let raw = '';
    const link = await SerialLink.open(
      { path: pty.clientPath, baudRate: 115200 },
      { onLine: (line) => lines.push(line), onRaw: (text) => (raw += text), onDown: () => undefined },
    );
    cleanup.push(() => link.close());
    expect(link.controlLinesSet).toBe(false);

    const received = new Promise<string>((resolve) => far.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    await link.write('AT\r');
    expect(await received).toBe('AT\r');
    far.write('\r\nOK\r\n\r\n> ');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines).toEqual(['OK']); // the parser drops empty lines
    expect(raw.endsWith('> ')).toBe(true);
  });

  it('says once that it is down when the port vanishes', async () => {
    const pty = await ptyPair();
    const far = await openFarEnd(pty);
    const reasons: string[] = [];
    const link = await SerialLink.open(
      { path: pty.clientPath, baudRate: 115200 },
      { onLine: () => undefined, onRaw: () => undefined, onDown: (reason) => reasons.push(reason) },
    );
    cleanup.push(() => link.close());
    // Talk first, as the driver always has by then: a hang-up in the very instant after
    // open can slip past the read poller (then the next write notices instead).
    const received = new Promise((resolve) => far.once('data', resolve));
    await link.write('AT\r');
    await received;
    await pty.unplug();
    // Generous: under load the read poller can take a while to notice.
    for (let waited = 0; reasons.length === 0 && waited < 6000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(reasons).toHaveLength(1);
    await expect(link.write('AT\r')).rejects.toThrow();
    expect(reasons).toHaveLength(1);
  });

  it('fails to open a path that does not exist, with the reason', async () => {
    await expect(
      SerialLink.open(
        { path: '/dev/promemoria-no-such-port', baudRate: 115200 },
        { onLine: () => undefined, onRaw: () => undefined, onDown: () => undefined },
      ),
    ).rejects.toThrow(/no such file/i);
  });
});
