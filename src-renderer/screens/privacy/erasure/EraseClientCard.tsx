import { Alert, Card, Divider, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ErasureResult } from '../../../../src-main/contract/erasure-methods';
import { useApiEvent } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { useI18n } from '../../../i18n/i18n-context';
import { ApiErrorAlert } from '../../../shell/ApiErrorAlert';
import { ClientPicker, type PickedClient } from '../../calendar/ClientPicker';
import { ErasePreviewPanel } from './ErasePreviewPanel';
import { LegalHoldEditor } from './LegalHoldEditor';

interface EraseClientCardProps {
  picked: PickedClient | null;
  onPick: (client: PickedClient | null) => void;
}

/** Pick a client, see their legal hold and what erasure would remove and keep, and erase with a reason. */
export function EraseClientCard({ picked, onPick }: EraseClientCardProps) {
  const { t } = useI18n();
  const [erased, setErased] = useState<ErasureResult | null>(null);
  return (
    <Card withBorder padding="md" data-testid="erase-client">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('privacy-erasure.erase.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('privacy-erasure.erase.intro')}
        </Text>
        <ClientPicker
          value={picked}
          required={false}
          onChange={(client) => {
            if (client) setErased(null);
            onPick(client);
          }}
          texts={{
            label: t('privacy-erasure.picker.label'),
            placeholder: t('privacy-erasure.picker.placeholder'),
            searching: t('privacy-erasure.picker.searching'),
            none: t('privacy-erasure.picker.none'),
          }}
        />
        {erased && !picked && <ErasedAlert result={erased} />}
        {picked && (
          <PickedClientDetails
            key={picked.id}
            client={picked}
            onErased={(result) => {
              setErased(result);
              onPick(null);
            }}
          />
        )}
      </Stack>
    </Card>
  );
}

function PickedClientDetails({ client, onErased }: { client: PickedClient; onErased: (result: ErasureResult) => void }) {
  const { t } = useI18n();
  const preview = useApiQuery('privacy.erase.preview', { clientId: client.id });
  const { reload } = preview;
  // Once erasure has started, the change it announces is its own: reloading would only find the client gone.
  const erasing = useRef(false);
  useApiEvent('clients.changed', ({ ids }) => {
    if (ids.includes(client.id) && !erasing.current) reload();
  });
  if (preview.error && !preview.data) return <ApiErrorAlert error={preview.error} onRetry={reload} />;
  if (!preview.data) return <Loader size="sm" />;
  return (
    <Stack gap="sm">
      <ErasePreviewPanel
        preview={preview.data}
        onErasing={(started) => {
          erasing.current = started;
        }}
        onErased={onErased}
      />
      <Divider />
      <Title order={3} size="h6">
        {t('privacy-erasure.hold.title')}
      </Title>
      <LegalHoldEditor clientId={client.id} hold={preview.data.hold} onChanged={reload} />
    </Stack>
  );
}

function ErasedAlert({ result }: { result: ErasureResult }) {
  const { t, tn } = useI18n();
  const { counts } = result;
  const evidenceDeleted = counts.evidenceFiles - result.evidenceFilesLeft;
  return (
    <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} title={t('privacy-erasure.done.title')} role="status" data-testid="erasure-done">
      <Stack gap={6}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('privacy-erasure.done.removed')}
            </Text>
            <List size="sm" spacing={0}>
              <List.Item>{t('privacy-erasure.removes.identity')}</List.Item>
              <List.Item>{tn('privacy-erasure.removes.messages', counts.messages)}</List.Item>
              <List.Item>{tn('privacy-erasure.removes.replies', counts.replies)}</List.Item>
              <List.Item>{tn('privacy-erasure.removes.futureAppointments', counts.futureAppointments)}</List.Item>
              {evidenceDeleted > 0 && <List.Item>{tn('privacy-erasure.removes.evidence', evidenceDeleted)}</List.Item>}
            </List>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('privacy-erasure.done.kept')}
            </Text>
            <List size="sm" spacing={0}>
              <List.Item>{tn('privacy-erasure.keeps.pastAppointments', counts.pastAppointments)}</List.Item>
              <List.Item>{tn('privacy-erasure.keeps.consents', counts.consentRecords)}</List.Item>
            </List>
          </Stack>
        </SimpleGrid>
        <Text size="sm">{t(result.fileScrubbed ? 'privacy-erasure.done.scrubbed' : 'privacy-erasure.done.notScrubbed')}</Text>
        {result.evidenceFilesLeft > 0 && <Text size="sm">{tn('privacy-erasure.done.evidenceLeft', result.evidenceFilesLeft)}</Text>}
        <Text size="xs" c="dimmed">
          {result.backups > 0 ? tn('privacy-erasure.backups', result.backups) : t('privacy-erasure.backups.none')}
        </Text>
      </Stack>
    </Alert>
  );
}
