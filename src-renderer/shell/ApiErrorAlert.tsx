import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ApiError } from '../../src-main/contract/errors';
import { useI18n } from '../i18n/i18n-context';

/** A failed call: a title for the kind of failure, the core's own message, and optionally a retry. */
export function ApiErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t(`errorCode.${error.code}`)}>
      {error.message}
      {onRetry && (
        <Group mt="xs">
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
