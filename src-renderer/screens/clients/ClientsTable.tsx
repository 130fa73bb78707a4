import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ClientRow } from '../../../src-main/contract/schemas';
import { useI18n } from '../../i18n/i18n-context';
import { formatMobile } from './format-mobile';

export function ClientsTable({ clients }: { clients: ClientRow[] }) {
  const { t } = useI18n();
  return (
    <Table stickyHeader stickyHeaderOffset={48} layout="fixed" highlightOnHover striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('clients.column.lastName')}</Table.Th>
          <Table.Th>{t('clients.column.firstName')}</Table.Th>
          <Table.Th w={180}>{t('clients.column.mobile')}</Table.Th>
          <Table.Th w={120}>{t('clients.column.language')}</Table.Th>
          <Table.Th w={130}>
            <VisuallyHidden>SMS</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {clients.map((client) => (
          <Table.Tr key={client.id}>
            <Table.Td className="truncate" fw={500}>
              {client.lastName}
            </Table.Td>
            <Table.Td className="truncate">{client.firstName}</Table.Td>
            <Table.Td className="tabular">
              {client.mobile ? formatMobile(client.mobile) : <Text span c="dimmed">—</Text>}
            </Table.Td>
            <Table.Td>{t(`clients.language.${client.language}`)}</Table.Td>
            <Table.Td>
              {client.smsOptOut && (
                <Badge color="gray" variant="outline" size="sm" radius="sm" title={t('clients.smsOff.hint')}>
                  {t('clients.smsOff')}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
