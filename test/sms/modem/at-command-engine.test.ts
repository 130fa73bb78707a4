import { describe, expect, it } from 'vitest';
import { AtCommandEngine, type UnsolicitedLine } from '../../../src-main/sms/modem/at-command-engine';

function harness(timeouts = { commandMs: 80, promptMs: 80 }) {
  const written: string[] = [];
  const unsolicited: UnsolicitedLine[] = [];
  let writesFail = false;
  const engine = new AtCommandEngine(
    async (data) => {
      if (writesFail) throw new Error('EIO');
      written.push(data);
    },
    (line) => unsolicited.push(line),
    timeouts,
  );
  const feed = (...lines: string[]): void => lines.forEach((line) => engine.receiveLine(line));
  return { engine, written, unsolicited, feed, failWrites: () => (writesFail = true) };
}

describe('AtCommandEngine', () => {
  it('runs one command at a time, in order', async () => {
    const { engine, written, feed } = harness();
    const first = engine.run('AT');
    const second = engine.run('AT+CMGF=0');
    expect(written).toEqual(['AT\r']);
    feed('', 'OK');
    expect(await first).toEqual({ ok: true, lines: [] });
    expect(written).toEqual(['AT\r', 'AT+CMGF=0\r']);
    feed('OK');
    expect((await second).ok).toBe(true);
    expect(engine.idle).toBe(true);
  });

  it('ignores the echo and blank lines and keeps the information lines', async () => {
    const { engine, feed } = harness();
    const result = engine.run('AT+CGMM');
    feed('AT+CGMM\r', '', 'SIMULATED-GSM-1', '', 'OK');
    expect(await result).toEqual({ ok: true, lines: ['SIMULATED-GSM-1'] });
  });

  it.each([
    ['ERROR', { kind: 'error' }],
    ['+CME ERROR: 10', { kind: 'cme', code: 10, text: '10' }],
    ['+CMS ERROR: 38', { kind: 'cms', code: 38, text: '38' }],
    ['+CME ERROR: SIM not inserted', { kind: 'cme', code: undefined, text: 'SIM not inserted' }],
  ])('ends on %s', async (line, failure) => {
    const { engine, feed } = harness();
    const result = engine.run('AT+CPIN?', { expect: '+CPIN:' });
    feed(line);
    expect(await result).toEqual({ ok: false, failure, lines: [] });
  });

  it('routes unsolicited lines that arrive mid-command, keeping the answer for the command', async () => {
    const { engine, feed, unsolicited } = harness();
    const result = engine.run('AT+CSQ', { expect: '+CSQ:' });
    feed('RING', '+CMTI: "SM",3', '^RSSI: 5', '+CSQ: 20,99', '+CREG: 2', '^BOOT:1,0,0,0,72', 'OK');
    expect(await result).toEqual({ ok: true, lines: ['+CSQ: 20,99'] });
    expect(unsolicited.map((u) => u.line)).toEqual(['RING', '+CMTI: "SM",3', '^RSSI: 5', '+CREG: 2', '^BOOT:1,0,0,0,72']);
  });

  it('takes the line after +CDS, +CMT or +CBM as its PDU, even mid-command', async () => {
    const { engine, feed, unsolicited } = harness();
    const result = engine.run('AT+CMGR=1', { expect: '+CMGR:' });
    feed('+CMGR: 0,,24', '+CDS: 25', '0006AA', '07911326040000F0', 'OK');
    expect(await result).toEqual({ ok: true, lines: ['+CMGR: 0,,24', '07911326040000F0'] });
    feed('+CMT: ,24', '', '0011BB');
    expect(unsolicited).toEqual([
      { line: '+CDS: 25', pdu: '0006AA' },
      { line: '+CMT: ,24', pdu: '0011BB' },
    ]);
  });

  it('passes a line with no command running to the unsolicited handler', () => {
    const { engine, unsolicited } = harness();
    engine.receiveLine('+CPIN: READY');
    engine.receiveLine('Something new');
    engine.receiveLine('OK'); // a stray final code is dropped
    expect(unsolicited.map((u) => u.line)).toEqual(['+CPIN: READY', 'Something new']);
  });

  it('writes the PDU and Ctrl-Z when the "> " prompt comes, then waits for +CMGS', async () => {
    const { engine, written, feed } = harness();
    const result = engine.run('AT+CMGS=18', { pdu: '0011AA', expect: '+CMGS:' });
    expect(written).toEqual(['AT+CMGS=18\r']);
    feed(''); // the CR LF before the prompt
    engine.receiveRaw('\r\n> ');
    expect(written).toEqual(['AT+CMGS=18\r', '0011AA\u001a']);
    feed('> ', '+CMGS: 5', '', 'OK');
    expect(await result).toEqual({ ok: true, lines: ['+CMGS: 5'] });
  });

  it('leaves the prompt with ESC when it never comes, and goes on with the next command', async () => {
    const { engine, written, feed } = harness();
    const send = engine.run('AT+CMGS=18', { pdu: '0011AA' });
    const next = engine.run('AT');
    expect(await send).toEqual({ ok: false, failure: { kind: 'timeout' }, lines: [] });
    expect(written).toEqual(['AT+CMGS=18\r', '\u001b', 'AT\r']);
    feed('OK');
    expect((await next).ok).toBe(true);
  });

  it('gives up on a command after its timeout', async () => {
    const { engine } = harness();
    const started = Date.now();
    expect(await engine.run('AT+COPS?', { timeoutMs: 30 })).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(80);
  });

  it('answers the running and queued commands link-down on stop, and every later one', async () => {
    const { engine } = harness();
    const running = engine.run('AT');
    const queued = engine.run('AT+CSQ');
    engine.stop();
    expect(await running).toMatchObject({ ok: false, failure: { kind: 'link-down' } });
    expect(await queued).toMatchObject({ ok: false, failure: { kind: 'link-down' } });
    expect(await engine.run('AT')).toMatchObject({ ok: false, failure: { kind: 'link-down' } });
  });

  it('answers link-down when the write fails', async () => {
    const { engine, failWrites } = harness();
    failWrites();
    expect(await engine.run('AT')).toMatchObject({ ok: false, failure: { kind: 'link-down' } });
  });
});
