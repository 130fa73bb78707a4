import { Anchor, Badge, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useApiEvent } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { useI18n } from '../../../i18n/i18n-context';
import { ApiErrorAlert } from '../../../shell/ApiErrorAlert';
import type { PickedClient } from '../../calendar/ClientPicker';
import { useDateLabels } from './use-date-labels';

/** Every client under a legal hold, the soonest end first; a name opens the client in the erasure card. */
export function LegalHoldList({ onOpen }: { onOpen: (client: PickedClient) => void }) {
  const { t } = useI18n();
  const dates = useDateLabels();
  const holds = useApiQuery('privacy.hold.list', {});
  const { reload } = holds;
  useApiEvent('clients.changed', reload);
  return (
    <Card withBorder padding="md" data-testid="legal-holds">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('privacy-erasure.holds.title')}
        </Title>
        {holds.error && !holds.data && <ApiErrorAlert error={holds.error} onRetry={reload} />}
        {!holds.data && !holds.error && <Loader size="sm" />}
        {holds.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('privacy-erasure.holds.empty')}
          </Text>
        )}
        {holds.data && holds.data.length > 0 && (
          <Table striped={false} highlightOnHover verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy-erasure.holds.column.name')}</Table.Th>
                <Table.Th>{t('privacy-erasure.holds.column.until')}</Table.Th>
                <Table.Th>{t('privacy-erasure.holds.column.reason')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {holds.data.map((hold) => (
                <Table.Tr key={hold.clientId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      aria-label={t('privacy-erasure.holds.open', { name: hold.name })}
                      onClick={() => onOpen({ id: hold.clientId, name: hold.name })}
                    >
                      {hold.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                    {dates.day(hold.until)}
                  </Table.Td>
                  <Table.Td>{hold.reason}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="light" color={hold.active ? 'orange' : 'gray'} style={{ minWidth: 'max-content' }}>
                      {t(hold.active ? 'privacy-erasure.holds.active' : 'privacy-erasure.holds.ended')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
