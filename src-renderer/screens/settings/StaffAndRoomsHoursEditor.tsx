import { ActionIcon, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { WorkingHours, WorkingInterval } from '../../../src-main/contract/calendar-schemas';
import { capitalizeFirst } from '../../i18n/capitalize';
import { useI18n } from '../../i18n/i18n-context';
import { ClockField } from '../calendar/ClockField';
import { weekdayNames } from '../calendar/working-hours-text';

interface HoursEditorProps {
  value: WorkingHours;
  onChange: (hours: WorkingHours) => void;
}

/** A day switched on starts with the office's usual day. */
const USUAL_DAY: Omit<WorkingInterval, 'weekday'> = { from: '09:00', to: '18:00' };
/** A break splits a day in two: a morning and an afternoon. */
const MAX_INTERVALS_PER_DAY = 2;

/**
 * Working hours, one row per weekday: off, or one or two intervals (a day with a
 * lunch break). "Same as Monday" copies Monday's hours to Tuesday–Friday.
 */
export function StaffAndRoomsHoursEditor({ value, onChange }: HoursEditorProps) {
  const { t, locale } = useI18n();
  const names = weekdayNames(locale, 'long');
  const dayOf = (weekday: number) => value.filter((interval) => interval.weekday === weekday);
  const replaceDay = (weekday: number, intervals: Omit<WorkingInterval, 'weekday'>[]) => {
    onChange([...value.filter((interval) => interval.weekday !== weekday), ...intervals.map((interval) => ({ ...interval, weekday }))].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from)));
  };
  const monday = dayOf(1);

  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('staffRooms.hours')}
        </Text>
        <Button
          variant="subtle"
          disabled={monday.length === 0}
          onClick={() => {
            const copy = [2, 3, 4, 5].flatMap((weekday) => monday.map((interval) => ({ ...interval, weekday })));
            onChange([...value.filter((interval) => interval.weekday < 2 || interval.weekday > 5), ...copy].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from)));
          }}
        >
          {t('staffRooms.copyMonday')}
        </Button>
      </Group>
      {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
        const intervals = dayOf(weekday);
        const name = capitalizeFirst(names[weekday - 1] ?? '');
        return (
          <Group key={weekday} gap="xs" wrap="nowrap" mih={30}>
            <Checkbox
              w={120}
              label={name}
              checked={intervals.length > 0}
              onChange={(event) => replaceDay(weekday, event.currentTarget.checked ? [USUAL_DAY] : [])}
            />
            {intervals.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('staffRooms.dayOff')}
              </Text>
            )}
            {intervals.map((interval, index) => {
              const update = (changes: Partial<WorkingInterval>) => replaceDay(weekday, intervals.map((other, i) => (i === index ? { ...other, ...changes } : other)));
              const invalid = interval.from >= interval.to;
              return (
                <Group key={index} gap={4} wrap="nowrap">
                  <ClockField size="xs" w={70} aria-label={t('staffRooms.from', { day: name })} value={interval.from} onChange={(from) => update({ from })} error={invalid} />
                  <Text size="sm">–</Text>
                  <ClockField size="xs" w={70} aria-label={t('staffRooms.to', { day: name })} value={interval.to} onChange={(to) => update({ to })} error={invalid} />
                  {index > 0 && (
                    <ActionIcon variant="subtle" size="sm" color="gray" aria-label={t('staffRooms.removeBreak', { day: name })} onClick={() => replaceDay(weekday, intervals.filter((_, i) => i !== index))}>
                      <IconX size={14} />
                    </ActionIcon>
                  )}
                </Group>
              );
            })}
            {intervals.length > 0 && intervals.length < MAX_INTERVALS_PER_DAY && (
              <Button
                variant="subtle"
                size="compact-xs"
                leftSection={<IconPlus size={12} />}
                onClick={() => {
                  const first = intervals[0] ?? USUAL_DAY;
                  // A break at lunch: the morning ends at 13:00, the afternoon resumes at 14:00.
                  replaceDay(weekday, [{ from: first.from, to: '13:00' }, { from: '14:00', to: first.to }]);
                }}
              >
                {t('staffRooms.addBreak')}
              </Button>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
