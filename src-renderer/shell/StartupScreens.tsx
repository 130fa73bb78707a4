import { Center, Loader, Stack, Text } from '@mantine/core';
import type { ApiError } from '../../src-main/contract/errors';
import { useI18n } from '../i18n/i18n-context';
import { ApiErrorAlert } from './ApiErrorAlert';

export function StartupLoading() {
  const { t } = useI18n();
  return (
    <Center h="100vh">
      <Stack align="center" gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {t('startup.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

export function StartupFailed({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Center h="100vh" p="md">
      <Stack maw={560} w="100%">
        <Text fw={600}>{t('startup.failed')}</Text>
        <ApiErrorAlert error={error} onRetry={onRetry} />
      </Stack>
    </Center>
  );
}
