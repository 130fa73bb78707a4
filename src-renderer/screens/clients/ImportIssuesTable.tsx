import { ScrollArea, Table, Text } from '@mantine/core';
import type { ImportIssue } from '../../../src-main/contract/clients-import-schemas';
import { useI18n } from '../../i18n/i18n-context';
import { importIssueText } from './import-issue-text';

/** Rows of the report: the line in the file, why, and the value at fault. */
export function ImportIssuesTable({ title, issues, testId }: { title: string; issues: ImportIssue[]; testId: string }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={600} mb={4}>
        {title} ({issues.length.toLocaleString()})
      </Text>
      <ScrollArea.Autosize mah={220} type="auto">
        <Table layout="fixed" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('clients.import.column.line')}</Table.Th>
              <Table.Th>{t('clients.import.column.reason')}</Table.Th>
              <Table.Th w={200}>{t('clients.import.column.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue) => (
              <Table.Tr key={`${issue.line}-${issue.reason}`}>
                <Table.Td className="tabular">{issue.line}</Table.Td>
                <Table.Td>{importIssueText(t, issue)}</Table.Td>
                <Table.Td className="truncate" title={issue.value}>
                  {issue.value ?? ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
