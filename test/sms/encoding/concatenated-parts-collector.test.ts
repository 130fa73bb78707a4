import { describe, expect, it } from 'vitest';
import { ConcatenatedPartsCollector } from '../../../src-main/sms/encoding';

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ConcatenatedPartsCollector', () => {
  it('reassembles parts that arrive out of order and twice', () => {
    const collector = new ConcatenatedPartsCollector(fakeClock(), 60_000);
    const part = (index: number, text: string) => ({ from: '+39333', text, concat: { reference: 9, total: 3, index } });
    expect(collector.add(part(3, 'C'))).toBeUndefined();
    expect(collector.add(part(1, 'A'))).toBeUndefined();
    expect(collector.add(part(1, 'A'))).toBeUndefined();
    expect(collector.add(part(2, 'B'))).toEqual({ from: '+39333', text: 'ABC', complete: true });
    expect(collector.pendingCount).toBe(0);
  });

  it('keeps two senders with the same reference apart', () => {
    const collector = new ConcatenatedPartsCollector(fakeClock(), 60_000);
    collector.add({ from: '+39111', text: 'x1', concat: { reference: 1, total: 2, index: 1 } });
    collector.add({ from: '+39222', text: 'y1', concat: { reference: 1, total: 2, index: 1 } });
    expect(collector.add({ from: '+39222', text: 'y2', concat: { reference: 1, total: 2, index: 2 } })).toEqual({
      from: '+39222',
      text: 'y1y2',
      complete: true,
    });
    expect(collector.pendingCount).toBe(1);
  });

  it('gives up after the timeout and hands over what came, marking the gap', () => {
    const clock = fakeClock();
    const collector = new ConcatenatedPartsCollector(clock, 60_000);
    collector.add({ from: '+39333', text: 'inizio ', concat: { reference: 5, total: 3, index: 1 } });
    collector.add({ from: '+39333', text: ' fine', concat: { reference: 5, total: 3, index: 3 } });
    clock.advance(59_999);
    expect(collector.takeExpired()).toEqual([]);
    clock.advance(1);
    expect(collector.takeExpired()).toEqual([{ from: '+39333', text: 'inizio […] fine', complete: false }]);
    expect(collector.pendingCount).toBe(0);
  });

  it('passes a one-part "concatenated" message straight through', () => {
    const collector = new ConcatenatedPartsCollector(fakeClock(), 60_000);
    expect(collector.add({ from: 'x', text: 'solo', concat: { reference: 1, total: 1, index: 1 } })).toEqual({
      from: 'x',
      text: 'solo',
      complete: true,
    });
  });
});
