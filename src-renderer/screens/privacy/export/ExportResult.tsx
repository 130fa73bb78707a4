import { Alert, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ApiError } from '../../../../src-main/contract/errors';
import { useI18n } from '../../../i18n/i18n-context';
import { ApiErrorAlert } from '../../../shell/ApiErrorAlert';

interface ExportResultProps {
  running: boolean;
  percent: number;
  file: { fileName: string; bytes: number; counts: { evidenceMissing: number } } | undefined;
  /** "Appointments: 2 · SMS sent: 2…", for the finished export. */
  summary: string | undefined;
  error: ApiError | undefined;
  testId: string;
}

/** Under an export button: the progress bar while it runs, then what the ZIP holds, or why it failed. */
export function ExportResult({ running, percent, file, summary, error, testId }: ExportResultProps) {
  const { t, tn, locale } = useI18n();
  if (running) {
    return (
      <Stack gap={4} data-testid={`${testId}-progress`}>
        <Progress value={percent} animated aria-label={t('privacy-export.progress', { percent })} />
        <Text size="xs" c="dimmed" className="tabular">
          {t('privacy-export.progress', { percent })}
        </Text>
      </Stack>
    );
  }
  if (error) return <ApiErrorAlert error={error} />;
  if (!file) return null;
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={t('privacy-export.ready', { file: file.fileName, size: fileSize(file.bytes, locale) })} data-testid={`${testId}-ready`}>
      {summary && (
        <Text size="sm" className="tabular">
          {summary}
        </Text>
      )}
      {file.counts.evidenceMissing > 0 && (
        <Text size="sm" c="orange.8" mt={4}>
          <IconAlertTriangle size={14} style={{ verticalAlign: -2, marginInlineEnd: 4 }} />
          {tn('privacy-export.evidenceMissing', file.counts.evidenceMissing)}
        </Text>
      )}
    </Alert>
  );
}

/** 23 456 bytes → "23 KB"; 4 567 890 → "4.4 MB" (in the screen's number format). */
function fileSize(bytes: number, locale: string): string {
  const number = (value: number, digits: number) => value.toLocaleString(locale, { maximumFractionDigits: digits });
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}
