import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { AuditEntry } from '../../../../src-main/contract/audit-methods';
import { useI18n } from '../../../i18n/i18n-context';
import { clientHref } from '../../../shell/hash-route';
import { useOffice } from '../../../shell/office-context';
import { auditDetailText } from './audit-detail';
import { auditActionLabel, auditActorLabel, auditEntityLabel } from './audit-labels';

/** One row per entry, newest first; the client named live, or marked erased. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, tn, locale } = useI18n();
  const { timeZone } = useOffice().settings;
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    [locale, timeZone],
  );

  return (
    <Table layout="fixed" striped highlightOnHover verticalSpacing={6} data-testid="audit-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={165}>{t('privacy-audit.column.when')}</Table.Th>
          <Table.Th w={150}>{t('privacy-audit.column.actor')}</Table.Th>
          <Table.Th w="26%">{t('privacy-audit.column.action')}</Table.Th>
          <Table.Th w="22%">{t('privacy-audit.column.subject')}</Table.Th>
          <Table.Th>{t('privacy-audit.column.detail')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => {
          const detail = auditDetailText(t, tn, locale, entry);
          const entity = auditEntityLabel(t, entry.entity, entry.entityId);
          return (
            <Table.Tr key={entry.id} data-audit-id={entry.id} data-action={entry.action}>
              <Table.Td className="tabular">{when.format(entry.at)}</Table.Td>
              <Table.Td className="truncate">{auditActorLabel(t, entry.actor)}</Table.Td>
              <Table.Td title={entry.action}>{auditActionLabel(t, entry.action)}</Table.Td>
              <Table.Td>
                {entry.client ? (
                  <>
                    {entry.client.erased ? (
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" c="dimmed" className="truncate">
                          {t('privacy-audit.subject.erasedClient', { id: entry.client.id })}
                        </Text>
                        <Badge size="xs" color="gray" variant="light" radius="sm">
                          {t('privacy-audit.subject.erased')}
                        </Badge>
                      </Group>
                    ) : (
                      <Anchor href={clientHref(entry.client.id)} size="sm" className="truncate" display="block" title={t('privacy-audit.subject.openClient')}>
                        {entry.client.name}
                      </Anchor>
                    )}
                    {entry.entity !== 'client' && (
                      <Text size="xs" c="dimmed">
                        {entity}
                      </Text>
                    )}
                  </>
                ) : (
                  <Text size="sm" c={entity ? undefined : 'dimmed'}>
                    {entity || '—'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={2} title={detail}>
                  {detail}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
