import { EmptyState } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';

/** An empty week, with the next step that fits the office: set up first, or look elsewhere in time. */
export function CalendarEmptyState() {
  const { t, tn } = useI18n();
  const { data: summary } = useApiQuery('office.summary', {});

  let next = '';
  if (summary) {
    if (summary.staff === 0 || summary.rooms === 0) next = t('calendar.empty.setup');
    else if (summary.upcomingAppointments > 0) next = tn('calendar.empty.upcoming', summary.upcomingAppointments);
    else next = t('calendar.empty.nothingAhead');
  }

  return (
    <EmptyState
      py="xl"
      icon={<IconCalendarOff size={28} stroke={1.5} />}
      withIndicatorBackground
      title={t('calendar.empty.title')}
      description={next}
    />
  );
}
