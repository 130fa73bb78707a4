import { ActionIcon, Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useI18n } from '../../i18n/i18n-context';
import type { ColumnMode } from './calendar-events';
import { calendarViews, type CalendarView } from './calendar-range';
import type { CivilDate } from './civil-date';
import { DateJumpButton } from './DateJumpButton';

interface CalendarToolbarProps {
  view: CalendarView;
  columns: ColumnMode;
  anchor: CivilDate;
  /** "martedì 24 novembre 2026", "23–29 novembre 2026"… */
  label: string;
  onView: (view: CalendarView) => void;
  onColumns: (columns: ColumnMode) => void;
  onAnchor: (date: CivilDate) => void;
  onStep: (direction: -1 | 1) => void;
  onToday: () => void;
  onNew: () => void;
}

/** Where the calendar is and how it looks: navigation on the left, views and "new" on the right. */
export function CalendarToolbar(props: CalendarToolbarProps) {
  const { t } = useI18n();
  const { view, columns, anchor } = props;
  return (
    <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
      <Group gap="xs" wrap="nowrap">
        <Tooltip label={t('calendar.nav.today')}>
          <Button variant="default" onClick={props.onToday}>
            {t('calendar.today')}
          </Button>
        </Tooltip>
        <ActionIcon.Group>
          <Tooltip label={`${t('calendar.nav.previous')} (←)`}>
            <ActionIcon variant="default" size="md" aria-label={t('calendar.nav.previous')} onClick={() => props.onStep(-1)}>
              <IconChevronLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={`${t('calendar.nav.next')} (→)`}>
            <ActionIcon variant="default" size="md" aria-label={t('calendar.nav.next')} onClick={() => props.onStep(1)}>
              <IconChevronRight size={16} />
            </ActionIcon>
          </Tooltip>
        </ActionIcon.Group>
        <DateJumpButton anchor={anchor} label={t('calendar.nav.jump')} onPick={props.onAnchor} testId="date-jump" />
        <Text fw={600} size="md" data-testid="calendar-label" style={{ whiteSpace: 'nowrap' }}>
          {props.label}
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap">
        {view === 'day' && (
          <SegmentedControl
            size="xs"
            aria-label={t('calendar.columns.label')}
            value={columns}
            onChange={(next) => props.onColumns(next === 'staff' ? 'staff' : 'rooms')}
            data={[
              { value: 'rooms', label: t('calendar.columns.rooms') },
              { value: 'staff', label: t('calendar.columns.staff') },
            ]}
          />
        )}
        <SegmentedControl
          size="xs"
          aria-label={t('calendar.view.label')}
          value={view}
          onChange={(next) => {
            const chosen = calendarViews.find((candidate) => candidate === next);
            if (chosen) props.onView(chosen);
          }}
          data={calendarViews.map((value) => ({ value, label: t(`calendar.view.${value}`) }))}
        />
        <Tooltip label={`${t('calendar.new')} (N)`}>
          <Button leftSection={<IconPlus size={14} />} onClick={props.onNew}>
            {t('calendar.new')}
          </Button>
        </Tooltip>
      </Group>
    </Group>
  );
}
