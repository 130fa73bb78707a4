import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { useOffice } from '../../shell/office-context';

/** Read-only facts for whoever supports the office: what is installed and where the data lives. */
export function AboutCard() {
  const { t } = useI18n();
  const { version, dataDir, databasePath, schemaVersion, smsChannel } = useOffice().appInfo;

  const rows: [string, ReactNode][] = [
    [t('about.version'), version],
    [t('about.dataDir'), <Text key="dir" size="sm" ff="monospace" className="break-anywhere">{dataDir}</Text>],
    [t('about.databasePath'), <Text key="db" size="sm" ff="monospace" className="break-anywhere">{databasePath}</Text>],
    [t('about.schemaVersion'), schemaVersion],
    [
      t('about.smsChannel'),
      <Stack key="sms" gap={2}>
        <Group gap="xs">
          <Text size="sm">{t(`smsKind.${smsChannel.kind}`)}</Text>
          <Badge size="sm" radius="sm" variant="light" color={smsChannel.healthy ? 'green' : 'red'}>
            {smsChannel.healthy ? t('about.sms.working') : t('about.sms.notWorking')}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {smsChannel.detail}
        </Text>
      </Stack>,
    ],
  ];

  return (
    <Card withBorder padding="md">
      <Text fw={600} mb="xs">
        {t('about.title')}
      </Text>
      <Table withRowBorders={false} verticalSpacing={6}>
        <Table.Tbody>
          {rows.map(([label, content]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={170} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
                {label}
              </Table.Th>
              <Table.Td>{content}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
