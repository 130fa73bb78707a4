import { describe, expect, it } from 'vitest';
import { conflictsOf, type BusyAppointment, type Placement } from '../../../src-main/domain/calendar/conflict-rules';
import { zonedToUtc } from '../../../src-main/domain/time-zone';

const ROME = 'Europe/Rome';
const at = (hour: number, minute = 0) => zonedToUtc({ year: 2026, month: 11, day: 24, hour, minute }, ROME);
const bianchi = { id: 1, name: 'Dott. Bianchi' };
const chair1 = { id: 1, name: 'Poltrona 1' };
const placement: Placement = { start: at(10), end: at(10, 30), staff: bianchi, room: chair1 };
const busy = (id: number, from: number, to: number, staffId: number | null, roomId: number | null): BusyAppointment => ({
  id,
  start: from,
  end: to,
  staffId,
  roomId,
  clientName: `Client ${String(id)}`,
});
const hours = [{ weekday: 2, from: '08:30', to: '18:30' }];

describe('conflict rules', () => {
  it('finds the same room overlapping, naming what is there', () => {
    const conflicts = conflictsOf(placement, [busy(7, at(10, 15), at(11), 2, 1)], hours, ROME);
    expect(conflicts).toEqual([
      {
        kind: 'room_busy',
        start: at(10),
        end: at(10, 30),
        staff: bianchi,
        room: chair1,
        other: { id: 7, start: at(10, 15), end: at(11), clientName: 'Client 7' },
      },
    ]);
  });

  it('finds the same staff member overlapping in another room', () => {
    const conflicts = conflictsOf(placement, [busy(8, at(9, 45), at(10, 15), 1, 3)], hours, ROME);
    expect(conflicts.map((c) => c.kind)).toEqual(['staff_busy']);
  });

  it('reports both when the same staff member and room are taken', () => {
    const conflicts = conflictsOf(placement, [busy(9, at(10), at(10, 30), 1, 1)], hours, ROME);
    expect(conflicts.map((c) => c.kind)).toEqual(['room_busy', 'staff_busy']);
  });

  it('does not count appointments that only touch, or use another staff member and room', () => {
    const others = [busy(1, at(9, 30), at(10), 1, 1), busy(2, at(10, 30), at(11), 1, 1), busy(3, at(10), at(10, 30), 2, 2)];
    expect(conflictsOf(placement, others, hours, ROME)).toEqual([]);
  });

  it('flags a time outside the staff member’s working hours', () => {
    const evening = { ...placement, start: at(18), end: at(19) };
    expect(conflictsOf(evening, [], hours, ROME)).toMatchObject([{ kind: 'outside_working_hours', other: null }]);
  });

  it('checks no room or staff that is not given', () => {
    const loose = { ...placement, staff: null, room: null, start: at(22), end: at(23) };
    expect(conflictsOf(loose, [busy(1, at(22), at(23), 1, 1)], hours, ROME)).toEqual([]);
  });
});
