import { Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useApiQuery } from '../api/use-api-query';
import { useI18n } from '../i18n/i18n-context';
import { ApiErrorAlert } from '../shell/ApiErrorAlert';
import { SectionIntro } from './SectionIntro';

export function MessagesScreen() {
  const { t } = useI18n();
  const { data: summary, error, reload } = useApiQuery('office.summary', {});
  return (
    <>
      <SectionIntro
        title={t('messages.title')}
        purpose={t('messages.purpose')}
        icon={<IconMessage size={28} stroke={1.5} />}
        emptyTitle={t('messages.empty.title', { queued: summary?.queuedMessages ?? '…' })}
        next={
          <Text size="sm" c="dimmed">
            {t('messages.next')}
          </Text>
        }
      />
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
    </>
  );
}
