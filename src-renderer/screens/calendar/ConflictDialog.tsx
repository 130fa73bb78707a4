import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Conflict } from '../../../src-main/contract/calendar-schemas';
import { useI18n } from '../../i18n/i18n-context';
import { ConflictList } from './ConflictList';

interface ConflictDialogProps {
  opened: boolean;
  conflicts: readonly Conflict[];
  busy: boolean;
  onConfirm: () => void;
  onRevert: () => void;
}

/** After a drag or a resize ran into conflicts: keep the change anyway, or put the appointment back. */
export function ConflictDialog({ opened, conflicts, busy, onConfirm, onRevert }: ConflictDialogProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onRevert} title={t('calendar.move.conflictTitle')} size="md">
      <Stack gap="sm">
        <Text size="sm">{t('calendar.move.conflictBody')}</Text>
        <ConflictList conflicts={conflicts} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onRevert} data-autofocus>
            {t('calendar.move.revert')}
          </Button>
          <Button color="orange" loading={busy} onClick={onConfirm}>
            {t('calendar.move.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
