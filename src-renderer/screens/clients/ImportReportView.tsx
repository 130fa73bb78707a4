import { Alert, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ImportReport } from '../../../src-main/contract/clients-import-schemas';
import { useI18n } from '../../i18n/i18n-context';
import { ImportIssuesTable } from './ImportIssuesTable';

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0} align="center">
      <Text size="xl" fw={700} c={value > 0 ? color : 'dimmed'} className="tabular">
        {value.toLocaleString()}
      </Text>
      <Text size="xs" c="dimmed" ta="center">
        {label}
      </Text>
    </Stack>
  );
}

/** What an import did (or, for a check, would do), with every row that did not go in as it stood. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, tn } = useI18n();
  const refused = !report.dryRun && !report.committed;
  return (
    <Stack gap="sm" data-testid="import-report">
      {report.dryRun && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('clients.import.report.dryRun')}
        </Alert>
      )}
      {refused && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {tn('clients.import.report.refused', report.rejected.length)}
        </Alert>
      )}
      {report.committed && (
        <Group gap="xs" c={report.rejected.length > 0 ? 'orange' : 'green'}>
          {report.rejected.length > 0 ? <IconAlertTriangle size={18} /> : <IconCheck size={18} />}
          <Text size="sm" fw={500}>
            {report.rejected.length > 0 ? t('clients.import.report.partly') : t('clients.import.report.done')}
          </Text>
        </Group>
      )}
      <SimpleGrid cols={5} spacing="xs">
        <Count label={t(report.committed ? 'clients.import.count.created' : 'clients.import.count.wouldCreate')} value={report.created} color="green" />
        <Count label={t(report.committed ? 'clients.import.count.updated' : 'clients.import.count.wouldUpdate')} value={report.updated} color="blue" />
        <Count label={t('clients.import.count.skipped')} value={report.skipped.length} color="gray" />
        <Count label={t('clients.import.count.rejected')} value={report.rejected.length} color="red" />
        <Count label={t('clients.import.count.warnings')} value={report.warnings.length} color="orange" />
      </SimpleGrid>
      <ImportIssuesTable title={t('clients.import.report.rejected')} issues={report.rejected} testId="import-rejected" />
      <ImportIssuesTable title={t('clients.import.report.warnings')} issues={report.warnings} testId="import-warnings" />
      <ImportIssuesTable title={t('clients.import.report.skipped')} issues={report.skipped} testId="import-skipped" />
    </Stack>
  );
}
