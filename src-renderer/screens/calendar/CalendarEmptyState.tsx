import { Alert, Anchor, EmptyState, Text } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { sectionHref } from '../../shell/hash-route';

/**
 * An empty week, with the next step that fits the office: set up first, or look
 * elsewhere in time. Compact above the week grid (which stays usable for booking),
 * full size in place of an empty agenda list.
 */
export function CalendarEmptyState({ compact }: { compact: boolean }) {
  const { t, tn } = useI18n();
  const { data: summary } = useApiQuery('office.summary', {});

  let next = '';
  if (summary) {
    if (summary.staff === 0 || summary.rooms === 0) next = t('calendar.empty.setup');
    else if (summary.upcomingAppointments > 0) next = tn('calendar.empty.upcoming', summary.upcomingAppointments);
    else next = t('calendar.empty.nothingAhead');
  }

  const needsSetup = summary !== undefined && (summary.staff === 0 || summary.rooms === 0);
  if (compact) {
    // One line: the week grid below stays in view, and usable for booking.
    return (
      <Alert variant="light" color="gray" icon={<IconCalendarOff size={16} />} mb="xs" py={6}>
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t('calendar.empty.title')}
          </Text>
          {' — '}
          {next}
          {needsSetup && (
            <>
              {' '}
              <Anchor href={sectionHref('settings')} size="sm">
                {t('calendar.empty.openSettings')}
              </Anchor>
            </>
          )}
        </Text>
      </Alert>
    );
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
