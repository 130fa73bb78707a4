import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { ClientSummary } from '../../../../src-main/contract/clients-schemas';
import { consentPurposes, type ConsentOverview } from '../../../../src-main/contract/consents-methods';
import { useI18n } from '../../../i18n/i18n-context';
import { useClientFormatters } from '../../clients/use-client-formatters';
import { fullName } from './consent-labels';
import { ConsentStateBadge } from './ConsentStateBadge';

interface ConsentsTableProps {
  items: ConsentOverview['items'];
  onOpen: (client: ClientSummary) => void;
}

/** Clients with where they stand for each purpose; a row (Enter or click) opens the client's ledger. */
export function ConsentsTable({ items, onOpen }: ConsentsTableProps) {
  const { t } = useI18n();
  const format = useClientFormatters();

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, client: ClientSummary) => {
    const row = event.currentTarget;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(client);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      (row.nextElementSibling as HTMLElement | null)?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (row.previousElementSibling as HTMLElement | null)?.focus();
    }
  };

  return (
    <Table stickyHeader stickyHeaderOffset={48} layout="fixed" highlightOnHover striped data-testid="consents-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('privacy-consents.column.client')}</Table.Th>
          <Table.Th w={170}>{t('clients.column.mobile')}</Table.Th>
          {consentPurposes.map((purpose) => (
            <Table.Th key={purpose} w={170}>
              {t(`privacy-consents.purpose.${purpose}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map(({ client, consents }) => (
          <Table.Tr
            key={client.id}
            tabIndex={0}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(client)}
            onKeyDown={(event) => onKeyDown(event, client)}
          >
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={500} className="truncate">
                  {fullName(client)}
                </Text>
                {client.smsOptOut && (
                  <Badge color="gray" variant="outline" size="xs" radius="sm" title={t('clients.smsOff.hint')} style={{ flexShrink: 0 }}>
                    {t('clients.smsOff')}
                  </Badge>
                )}
                {client.archived && (
                  <Badge color="yellow" variant="light" size="xs" radius="sm" style={{ flexShrink: 0 }}>
                    {t('clients.archived.badge')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td className="tabular">
              {client.mobileDisplay ?? (
                <Text span c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
            {consentPurposes.map((purpose) => {
              const cell = consents[purpose];
              return (
                <Table.Td key={purpose} data-testid={`cell-${purpose}`}>
                  <Stack gap={0} align="flex-start">
                    <ConsentStateBadge purpose={purpose} state={cell.state} />
                    {cell.recordedAt !== null && (
                      <Text size="xs" c="dimmed">
                        {format.date(cell.recordedAt)}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
