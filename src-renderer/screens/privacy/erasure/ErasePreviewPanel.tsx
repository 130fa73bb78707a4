import { Alert, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconClockPause, IconDatabase, IconLock, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ErasurePreview, ErasureResult } from '../../../../src-main/contract/erasure-methods';
import { useI18n } from '../../../i18n/i18n-context';
import { EraseConfirmModal } from './EraseConfirmModal';
import { useDateLabels } from './use-date-labels';

/** What erasing the client removes and keeps, why it may not be possible now, and the button. */
interface ErasePreviewPanelProps {
  preview: ErasurePreview;
  /** True when the erase call goes out, false if it failed. */
  onErasing: (started: boolean) => void;
  onErased: (result: ErasureResult) => void;
}

export function ErasePreviewPanel({ preview, onErasing, onErased }: ErasePreviewPanelProps) {
  const { t, tn } = useI18n();
  const dates = useDateLabels();
  const [confirming, setConfirming] = useState(false);
  const { counts, hold } = preview;
  const held = hold?.active === true;
  const blocked = held || preview.sending > 0;
  return (
    <Stack gap="sm" data-testid="erasure-preview">
      {held && (
        <Alert color="orange" variant="light" icon={<IconLock size={18} />} data-testid="erasure-blocked">
          {t('privacy-erasure.blocked.hold', { date: dates.day(hold.until), reason: hold.reason })}
        </Alert>
      )}
      {preview.sending > 0 && (
        <Alert color="yellow" variant="light" icon={<IconClockPause size={18} />}>
          {t('privacy-erasure.blocked.sending')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('privacy-erasure.removes.title')}
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>{t('privacy-erasure.removes.identity')}</List.Item>
            <List.Item>{tn('privacy-erasure.removes.messages', counts.messages)}</List.Item>
            <List.Item>{tn('privacy-erasure.removes.replies', counts.replies)}</List.Item>
            <List.Item>{tn('privacy-erasure.removes.futureAppointments', counts.futureAppointments)}</List.Item>
            {counts.evidenceFiles > 0 && <List.Item>{tn('privacy-erasure.removes.evidence', counts.evidenceFiles)}</List.Item>}
          </List>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('privacy-erasure.keeps.title')}
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>{tn('privacy-erasure.keeps.pastAppointments', counts.pastAppointments)}</List.Item>
            <List.Item>{tn('privacy-erasure.keeps.consents', counts.consentRecords)}</List.Item>
          </List>
        </Stack>
      </SimpleGrid>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconDatabase size={16} style={{ flexShrink: 0, marginTop: 2 }} color="var(--mantine-color-dimmed)" />
        <Text size="xs" c="dimmed">
          {preview.backups > 0 ? tn('privacy-erasure.backups', preview.backups) : t('privacy-erasure.backups.none')}
        </Text>
      </Group>
      <Group>
        <Button color="red" leftSection={<IconTrash size={16} />} disabled={blocked} onClick={() => setConfirming(true)}>
          {t('privacy-erasure.erase.button')}
        </Button>
      </Group>
      {confirming && (
        <EraseConfirmModal
          preview={preview}
          onErasing={onErasing}
          onClose={() => setConfirming(false)}
          onErased={(result) => {
            setConfirming(false);
            onErased(result);
          }}
        />
      )}
    </Stack>
  );
}
