import { describe, expect, it } from 'vitest';
import type { CalendarItem, Room, StaffMember } from '../../../src-main/contract/calendar-schemas';
import { assignmentOfColumn, onlyOne, toCalendarEvents, toResources, UNASSIGNED_COLUMN } from '../../../src-renderer/screens/calendar/calendar-events';

const item = (id: number, overrides: Partial<CalendarItem> = {}): CalendarItem => ({
  id,
  start: Date.UTC(2026, 10, 24, 8),
  end: Date.UTC(2026, 10, 24, 8, 30),
  status: 'booked',
  seriesId: null,
  notes: '',
  client: { id: 1, name: 'Rossi Mario' },
  staff: { id: 1, name: 'Dott. Bianchi' },
  room: { id: 2, name: 'Poltrona 2' },
  ...overrides,
});
const staff: StaffMember[] = [{ id: 1, name: 'Dott. Bianchi', role: 'dentist', color: '#1c7ed6', workingHours: [], active: true, sortOrder: 0 }];
const rooms: Room[] = [
  { id: 1, name: 'Poltrona 1', color: '#868e96', active: true, sortOrder: 0 },
  { id: 2, name: 'Poltrona 2', color: '#868e96', active: true, sortOrder: 1 },
];

describe('appointments as calendar events', () => {
  it('gives the office’s wall times, the column, the status class and the staff colour', () => {
    const [event] = toCalendarEvents([item(7)], 'Europe/Rome', 'rooms', new Map([[1, '#1c7ed6']]));
    expect(event).toMatchObject({
      id: '7',
      start: '2026-11-24T09:00:00',
      end: '2026-11-24T09:30:00',
      resourceIds: ['rooms:2'],
      editable: true,
      classNames: ['pm-event', 'pm-status-booked'],
      styles: ['--pm-staff-color: #1c7ed6'],
    });
    expect(toCalendarEvents([item(7)], 'Europe/Rome', 'staff', new Map())[0]?.resourceIds).toEqual(['staff:1']);
  });

  it('keeps cancelled and past appointments from being dragged', () => {
    const events = toCalendarEvents(
      (['cancelled', 'done', 'no_show', 'confirmed'] as const).map((status, i) => item(i, { status })),
      'Europe/Rome',
      'rooms',
      new Map(),
    );
    expect(events.map((event) => event.editable)).toEqual([false, false, false, true]);
  });

  it('lists the columns in order, with one for an unassigned appointment or an inactive room', () => {
    expect(toResources('rooms', staff, rooms, [item(1)], 'Senza poltrona').map((r) => r.id)).toEqual(['rooms:1', 'rooms:2']);
    const odd = [item(1, { room: null }), item(2, { room: { id: 9, name: 'Vecchia' } })];
    expect(toResources('rooms', staff, rooms, odd, 'Senza poltrona').map((r) => r.title)).toEqual([
      'Poltrona 1',
      'Poltrona 2',
      'Vecchia',
      'Senza poltrona',
    ]);
    expect(toResources('staff', [], [], [], 'Senza dentista')).toEqual([{ id: UNASSIGNED_COLUMN, title: 'Senza dentista' }]);
  });

  it('turns a column back into a room or staff member', () => {
    expect(assignmentOfColumn('rooms', 'rooms:3')).toEqual({ roomId: 3 });
    expect(assignmentOfColumn('staff', 'staff:12')).toEqual({ staffId: 12 });
    expect(assignmentOfColumn('rooms', UNASSIGNED_COLUMN)).toEqual({ roomId: null });
  });

  it('picks the only staff member or room, and no one among several', () => {
    expect(onlyOne(staff)).toBe(1);
    expect(onlyOne(rooms)).toBeNull();
    expect(onlyOne(undefined)).toBeNull();
  });
});
