import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { ClientSummary } from '../../../src-main/contract/clients-schemas';
import { useI18n } from '../../i18n/i18n-context';

interface ClientsTableProps {
  clients: ClientSummary[];
  onOpen: (client: ClientSummary) => void;
}

/**
 * The list's rows, each one a stop for the keyboard: Enter opens the client,
 * the arrow keys move up and down, and Up from the first row goes back to the search.
 */
export function ClientsTable({ clients, onOpen }: ClientsTableProps) {
  const { t } = useI18n();

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
      const previous = row.previousElementSibling as HTMLElement | null;
      if (previous) previous.focus();
      else document.querySelector<HTMLInputElement>('[data-clients-search]')?.focus();
    }
  };

  return (
    <Table stickyHeader stickyHeaderOffset={48} layout="fixed" highlightOnHover striped data-testid="clients-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('clients.column.lastName')}</Table.Th>
          <Table.Th>{t('clients.column.firstName')}</Table.Th>
          <Table.Th w={180}>{t('clients.column.mobile')}</Table.Th>
          <Table.Th w={120}>{t('clients.column.language')}</Table.Th>
          <Table.Th w={150}>
            <VisuallyHidden>SMS</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {clients.map((client) => (
          <Table.Tr
            key={client.id}
            tabIndex={0}
            style={{ cursor: 'pointer' }}
            onClick={() => {
              onOpen(client);
            }}
            onKeyDown={(event) => {
              onKeyDown(event, client);
            }}
          >
            <Table.Td className="truncate" fw={500}>
              {client.lastName}
            </Table.Td>
            <Table.Td className="truncate">{client.firstName}</Table.Td>
            <Table.Td className="tabular">
              {client.mobileDisplay ?? (
                <Text span c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td>{t(`clients.language.${client.language}`)}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                {client.smsOptOut && (
                  <Badge color="gray" variant="outline" size="sm" radius="sm" title={t('clients.smsOff.hint')}>
                    {t('clients.smsOff')}
                  </Badge>
                )}
                {client.archived && (
                  <Badge color="yellow" variant="light" size="sm" radius="sm">
                    {t('clients.archived.badge')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
