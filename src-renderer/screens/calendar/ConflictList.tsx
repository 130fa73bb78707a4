import { List, Text } from '@mantine/core';
import type { Conflict } from '../../../src-main/contract/calendar-schemas';
import { useI18n } from '../../i18n/i18n-context';
import { useOfficeFormatters } from './use-office-formatters';

/** Enough to see what is wrong; a long series with many clashes ends with "and N more". */
const MAX_SHOWN = 8;

/** What a booking or a move runs into, one line each, with dates when a series spans several days. */
export function ConflictList({ conflicts }: { conflicts: readonly Conflict[] }) {
  const { t, tn } = useI18n();
  const format = useOfficeFormatters();
  const days = new Set(conflicts.map((conflict) => format.shortDate.format(conflict.start)));
  const range = (start: number, end: number) => `${format.time.format(start)}–${format.time.format(end)}`;

  const describe = (conflict: Conflict): string => {
    const other = conflict.other;
    if (conflict.kind === 'room_busy' && other) {
      return t('calendar.conflict.roomBusy', { roomName: conflict.room?.name ?? '', clientName: other.clientName, time: range(other.start, other.end) });
    }
    if (conflict.kind === 'staff_busy' && other) {
      return t('calendar.conflict.staffBusy', { staffName: conflict.staff?.name ?? '', clientName: other.clientName, time: range(other.start, other.end) });
    }
    return t('calendar.conflict.outsideHours', { staffName: conflict.staff?.name ?? '', time: range(conflict.start, conflict.end) });
  };

  return (
    <List size="sm" spacing={2} data-testid="conflict-list">
      {conflicts.slice(0, MAX_SHOWN).map((conflict, index) => (
        <List.Item key={`${conflict.kind}-${String(conflict.start)}-${String(conflict.other?.id ?? index)}`}>
          {days.size > 1 && <Text span fw={600}>{format.shortDate.format(conflict.start)}: </Text>}
          {describe(conflict)}
        </List.Item>
      ))}
      {conflicts.length > MAX_SHOWN && <List.Item>{tn('calendar.conflict.more', conflicts.length - MAX_SHOWN)}</List.Item>}
    </List>
  );
}
