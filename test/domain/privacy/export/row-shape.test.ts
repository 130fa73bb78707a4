import { describe, expect, it } from 'vitest';
import { camelCase, jsonRow } from '../../../../src-main/domain/privacy/export/row-shape';

describe('rows for data.json', () => {
  it('names columns in camelCase, writes instants as ISO 8601 UTC and 0/1 flags as booleans', () => {
    expect(jsonRow('clients', { id: 1, first_name: 'Anna', sms_opt_out: 1, archived_at: null, created_at: Date.UTC(2026, 10, 24, 8, 30) })).toEqual({
      id: 1, firstName: 'Anna', smsOptOut: true, archivedAt: null, createdAt: '2026-11-24T08:30:00.000Z',
    });
    expect(jsonRow('message_events', { at: 0, to_state: 'queued' }, 'stored')).toEqual({ at: '1970-01-01T00:00:00.000Z', to_state: 'queued' });
  });

  it('parses JSON columns only where the store keeps JSON', () => {
    expect(jsonRow('staff', { working_hours: '[{"weekday":1}]' })).toEqual({ workingHours: [{ weekday: 1 }] });
    expect(jsonRow('settings', { key: 'officeName', value: '"Studio"' }, 'stored')).toEqual({ key: 'officeName', value: 'Studio' });
    expect(jsonRow('notes', { value: '"kept as text"' }, 'stored')).toEqual({ value: '"kept as text"' });
    expect(jsonRow('settings', { value: 'not json' }, 'stored')).toEqual({ value: 'not json' });
  });

  it('keeps columns it does not know as they are stored', () => {
    expect(jsonRow('clients', { hold_until: '2036-01-01', hold_reason: 'cartella clinica', future_count: 3 })).toEqual({
      holdUntil: '2036-01-01', holdReason: 'cartella clinica', futureCount: 3,
    });
    expect(camelCase('inbound_messages')).toBe('inboundMessages');
  });
});
