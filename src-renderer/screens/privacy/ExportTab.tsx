import { Alert, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconFileZip, IconLock, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ClientPicker, type PickedClient } from '../calendar/ClientPicker';
import { ExportResult } from './export/ExportResult';
import { useZipExports } from './export/use-zip-exports';

/**
 * Access and portability (GDPR Art. 15 and 20): one person's data as a ZIP to hand
 * over, or the whole office's to move to another program. A progress bar runs while
 * the core makes the ZIP; the browser's download (a "Save as" dialog in the desktop
 * app) takes it from there.
 */
export function ExportTab() {
  const { t, locale } = useI18n();
  const api = useApi();
  const exports = useZipExports();
  const [client, setClient] = useState<PickedClient | null>(null);
  const busy = exports.running !== undefined;
  const number = (value: number | undefined) => (value ?? 0).toLocaleString(locale);
  const clientFile = exports.client.file;
  const officeFile = exports.office.file;

  return (
    <Stack gap="md" maw={1100}>
      <Text size="sm" c="dimmed" maw={900}>
        {t('privacy-export.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md" data-testid="export-client">
          <Stack gap="sm">
            <Title order={3} size="h5" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              <IconUser size={18} />
              {t('privacy-export.client.title')}
            </Title>
            <Text size="sm">{t('privacy-export.client.intro')}</Text>
            <ClientPicker
              value={client}
              onChange={setClient}
              required={false}
              texts={{
                label: t('privacy-export.client.pick'),
                placeholder: t('privacy-export.client.search'),
                searching: t('privacy-export.client.searching'),
                none: t('privacy-export.client.none'),
              }}
            />
            <div>
              <Button
                leftSection={<IconFileZip size={16} />}
                disabled={!client || (busy && exports.running !== 'client')}
                loading={exports.running === 'client'}
                onClick={() => {
                  if (client) exports.exportClient((exportId) => api['privacy.export.client']({ clientId: client.id, exportId }));
                }}
              >
                {t('privacy-export.client.button')}
              </Button>
            </div>
            <ExportResult
              testId="export-client"
              running={exports.running === 'client'}
              percent={exports.percent}
              file={clientFile}
              error={exports.client.error}
              summary={
                clientFile &&
                t('privacy-export.client.counts', {
                  appointments: number(clientFile.counts.appointments),
                  messages: number(clientFile.counts.messages),
                  replies: number(clientFile.counts.replies),
                  consents: number(clientFile.counts.consents),
                })
              }
            />
            <Text size="xs" c="dimmed">
              {t('privacy-export.client.contents')}
            </Text>
          </Stack>
        </Card>

        <Card withBorder padding="md" data-testid="export-office">
          <Stack gap="sm">
            <Title order={3} size="h5" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              <IconBuilding size={18} />
              {t('privacy-export.office.title')}
            </Title>
            <Text size="sm">{t('privacy-export.office.intro')}</Text>
            <div>
              <Button
                variant="default"
                leftSection={<IconFileZip size={16} />}
                disabled={busy && exports.running !== 'office'}
                loading={exports.running === 'office'}
                onClick={() => exports.exportOffice((exportId) => api['privacy.export.office']({ exportId }))}
              >
                {t('privacy-export.office.button')}
              </Button>
            </div>
            <ExportResult
              testId="export-office"
              running={exports.running === 'office'}
              percent={exports.percent}
              file={officeFile}
              error={exports.office.error}
              summary={
                officeFile &&
                t('privacy-export.office.counts', {
                  clients: number(officeFile.counts.tables.clients),
                  appointments: number(officeFile.counts.tables.appointments),
                  messages: number(officeFile.counts.tables.messages),
                  consents: number(officeFile.counts.tables.consents),
                })
              }
            />
            <Text size="xs" c="dimmed">
              {t('privacy-export.office.contents')}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>
      <Alert variant="light" color="yellow" icon={<IconLock size={18} />} maw={900}>
        {t('privacy-export.care')}
      </Alert>
    </Stack>
  );
}
