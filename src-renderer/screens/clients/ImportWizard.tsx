import { Alert, Button, Checkbox, FileButton, Group, Modal, Progress, Radio, SimpleGrid, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import {
  duplicatePolicies,
  phoneProblemPolicies,
  type DuplicatePolicy,
  type ImportField,
  type ImportPreview,
  type ImportReport,
  type PhoneProblemPolicy,
} from '../../../src-main/contract/clients-import-schemas';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi, useApiEvent } from '../../api/api-context';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { ImportMappingTable } from './ImportMappingTable';
import { ImportReportView } from './ImportReportView';
import { readFileBase64 } from './read-file-base64';

/** The web bridge takes requests up to 10 MB and base64 adds a third; larger files go through the command line. */
const MAX_FILE_BYTES = 7 * 1024 * 1024;

/** Least to most invasive: leave out, update, add another. */
const DUPLICATE_CHOICES: readonly DuplicatePolicy[] = ['skip', 'update', 'import'];

type Step = 'file' | 'options' | 'running' | 'report';
const STEPS: Step[] = ['file', 'options', 'running', 'report'];

interface LoadedFile {
  name: string;
  content: string;
  preview: ImportPreview;
}

/**
 * Choose a file → see how it reads and what each column fills → choose what to do
 * with duplicates and bad numbers → import with progress → read the report, every
 * row left out named by its line in the file. "Check only" runs the same import
 * without writing, so the report can be read before anything changes.
 */
export function ImportWizard({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<LoadedFile>();
  const [mapping, setMapping] = useState<(ImportField | null)[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  const [phoneProblems, setPhoneProblems] = useState<PhoneProblemPolicy>('reject');
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [tooLarge, setTooLarge] = useState(false);
  const [progress, setProgress] = useState<{ importId: string; processed: number; total: number }>();
  const [report, setReport] = useState<ImportReport>();

  useApiEvent('clients.import.progress', (payload) => {
    setProgress((current) => (current?.importId === payload.importId ? payload : current));
  });

  const choose = async (chosen: File | null) => {
    if (!chosen) return;
    setError(undefined);
    setTooLarge(chosen.size > MAX_FILE_BYTES);
    if (chosen.size > MAX_FILE_BYTES) return;
    setReading(true);
    try {
      const content = await readFileBase64(chosen);
      const preview = await api['clients.import.preview']({ content });
      setFile({ name: chosen.name, content, preview });
      setMapping(preview.columns.map((column) => column.field));
      setStep('options');
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setReading(false);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    const importId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    setProgress({ importId, processed: 0, total: file.preview.records });
    setError(undefined);
    setStep('running');
    try {
      const result = await api['clients.import.run']({ content: file.content, mapping, duplicates, phoneProblems, allOrNothing, dryRun, importId });
      setReport(result);
      setStep('report');
      if (result.committed) onImported();
    } catch (reason) {
      setError(toApiError(reason));
      setStep('options');
    }
  };

  const hasLastName = mapping.includes('lastName');
  const percent = progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : 0;

  return (
    <Modal opened onClose={onClose} title={t('clients.import.title')} size="80rem" closeOnClickOutside={false}>
      <Stepper active={STEPS.indexOf(step)} size="xs" mb="md" allowNextStepsSelect={false}>
        <Stepper.Step label={t('clients.import.step.file')} />
        <Stepper.Step label={t('clients.import.step.options')} />
        <Stepper.Step label={t('clients.import.step.import')} />
        <Stepper.Step label={t('clients.import.step.report')} />
      </Stepper>

      {step === 'file' && (
        <Stack gap="sm">
          <Text size="sm">{t('clients.import.file.intro')}</Text>
          <Text size="sm" c="dimmed">
            {t('clients.import.file.formats')}
          </Text>
          <Group>
            <FileButton onChange={(chosen) => void choose(chosen)} accept=".csv,.txt,text/csv,text/plain">
              {(props) => (
                <Button {...props} leftSection={<IconFileUpload size={14} />} loading={reading} data-autofocus>
                  {t('clients.import.file.choose')}
                </Button>
              )}
            </FileButton>
          </Group>
          {tooLarge && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
              {t('clients.import.file.tooLarge')}
            </Alert>
          )}
          {error && <ApiErrorAlert error={error} />}
        </Stack>
      )}

      {step === 'options' && file && (
        <Stack gap="sm">
          <Text size="sm" data-testid="import-summary">
            {t('clients.import.summary', {
              file: file.name,
              records: file.preview.records.toLocaleString(),
              encoding: t(`clients.import.encoding.${file.preview.encoding}`),
              delimiter: t(`clients.import.delimiter.${delimiterKey(file.preview.delimiter)}`),
            })}
          </Text>
          <ImportMappingTable preview={file.preview} mapping={mapping} onChange={setMapping} />
          {!hasLastName && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
              {t('clients.import.noLastName')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Radio.Group label={t('clients.import.duplicates.label')} value={duplicates} onChange={(next) => setDuplicates(pick(duplicatePolicies, next, 'skip'))}>
              <Stack gap={4} mt={4}>
                {DUPLICATE_CHOICES.map((policy) => (
                  <Radio key={policy} value={policy} label={t(`clients.import.duplicates.${policy}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Radio.Group
              label={t('clients.import.badPhones.label')}
              value={phoneProblems}
              onChange={(next) => setPhoneProblems(pick(phoneProblemPolicies, next, 'reject'))}
            >
              <Stack gap={4} mt={4}>
                {phoneProblemPolicies.map((policy) => (
                  <Radio key={policy} value={policy} label={t(`clients.import.badPhones.${policy}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Checkbox
              mt="lg"
              label={t('clients.import.allOrNothing')}
              description={t('clients.import.allOrNothing.hint')}
              checked={allOrNothing}
              onChange={(event) => setAllOrNothing(event.currentTarget.checked)}
            />
          </SimpleGrid>
          {error && <ApiErrorAlert error={error} />}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep('file')}>
              {t('clients.import.otherFile')}
            </Button>
            <Group gap="xs">
              <Button variant="default" disabled={!hasLastName} onClick={() => void run(true)}>
                {t('clients.import.check')}
              </Button>
              <Button disabled={!hasLastName} onClick={() => void run(false)}>
                {t('clients.import.run', { count: file.preview.records.toLocaleString() })}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}

      {step === 'running' && (
        <Stack gap="xs" py="md">
          <Progress value={percent} animated aria-label={t('clients.import.step.import')} />
          <Text size="sm" c="dimmed" className="tabular" ta="center" data-testid="import-progress">
            {t('clients.import.progress', {
              processed: (progress?.processed ?? 0).toLocaleString(),
              total: (progress?.total ?? 0).toLocaleString(),
            })}
          </Text>
        </Stack>
      )}

      {step === 'report' && report && (
        <Stack gap="sm">
          <ImportReportView report={report} />
          <Group justify="flex-end" gap="xs">
            {!report.committed && (
              <Button variant="default" onClick={() => setStep('options')}>
                {t('clients.import.backToOptions')}
              </Button>
            )}
            {report.dryRun && (
              <Button disabled={allOrNothing && report.rejected.length > 0} onClick={() => void run(false)}>
                {t('clients.import.runNow')}
              </Button>
            )}
            <Button variant={report.dryRun ? 'default' : 'filled'} onClick={onClose}>
              {t('clients.import.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function pick<T extends string>(choices: readonly T[], value: string, fallback: T): T {
  return choices.find((choice) => choice === value) ?? fallback;
}

function delimiterKey(delimiter: ImportPreview['delimiter']): 'comma' | 'semicolon' | 'tab' {
  return delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'tab';
}
