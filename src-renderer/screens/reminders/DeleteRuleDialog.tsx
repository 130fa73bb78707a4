import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import type { ReminderRule } from '../../../src-main/contract/reminders-schemas';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';

interface DeleteRuleDialogProps {
  rule: ReminderRule;
  onClose: () => void;
  /** With how many pending reminders of the rule were cancelled. */
  onDeleted: (cancelledMessages: number) => void;
}

/** Asks before deleting a rule, and says what happens to its reminders. */
export function DeleteRuleDialog({ rule, onClose, onDeleted }: DeleteRuleDialogProps) {
  const { t } = useI18n();
  const api = useApi();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<ApiError>();

  const remove = async () => {
    setDeleting(true);
    setError(undefined);
    try {
      const { cancelledMessages } = await api['reminders.rules.delete']({ id: rule.id });
      onDeleted(cancelledMessages);
    } catch (reason) {
      setError(toApiError(reason));
      setDeleting(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('reminders.delete.title')} size="md">
      <Stack gap="sm">
        <Text size="sm">{t('reminders.delete.question', { name: rule.name })}</Text>
        {error && <ApiErrorAlert error={error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('reminders.delete.keep')}
          </Button>
          <Button color="red" loading={deleting} onClick={() => void remove()}>
            {t('reminders.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
