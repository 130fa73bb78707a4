import { Alert, Autocomplete, Button, FileInput, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import {
  evidenceExtensions,
  fileExtension,
  MAX_EVIDENCE_BYTES,
  NOTICE_VERSION_MAX,
  RECORDED_BY_MAX,
  type ConsentMethod,
  type ConsentPurpose,
} from '../../../../src-main/contract/consents-methods';
import type { ApiError } from '../../../../src-main/contract/errors';
import type { MethodOutput } from '../../../../src-main/contract/methods';
import { useApi } from '../../../api/api-context';
import { toApiError, useApiQuery } from '../../../api/use-api-query';
import { useI18n } from '../../../i18n/i18n-context';
import { ApiErrorAlert } from '../../../shell/ApiErrorAlert';
import { readFileBase64 } from '../../clients/read-file-base64';

/** What staff can choose; `import` is only for records brought in from other software. */
const METHODS = ['paper', 'verbal', 'email', 'sms_keyword'] as const satisfies readonly ConsentMethod[];
/** The last "recorded by" on this computer: usually the same person at the desk all day. */
const RECORDED_BY_STORAGE_KEY = 'promemoria.consents.recordedBy';

interface ConsentDialogProps {
  clientId: number;
  clientName: string;
  purpose: ConsentPurpose;
  /** True records consent, false a withdrawal. */
  granted: boolean;
  /** The client sent "STOP" (or withdrew reminders): a grant of reminders lifts it, and the dialog says so. */
  smsOptOut: boolean;
  /** The office's current notice version, filled in by default. */
  noticeVersion: string | null;
  onClose: () => void;
  onRecorded: (ledger: MethodOutput<'consents.record'>) => void;
}

function storedRecordedBy(): string {
  try {
    return window.localStorage.getItem(RECORDED_BY_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberRecordedBy(name: string): void {
  try {
    window.localStorage.setItem(RECORDED_BY_STORAGE_KEY, name);
  } catch {
    // Storage can be unavailable: the name is simply not remembered.
  }
}

/**
 * Records one consent or withdrawal: how it was given, who took it, which privacy
 * notice the client saw, and optionally a scan or e-mail as evidence. Withdrawing
 * is the same dialog as granting, opened by one click.
 */
export function ConsentDialog({ clientId, clientName, purpose, granted, smsOptOut, noticeVersion, onClose, onRecorded }: ConsentDialogProps) {
  const { t } = useI18n();
  const api = useApi();
  const staff = useApiQuery('staff.list', { includeInactive: false });
  const [method, setMethod] = useState<ConsentMethod>(granted ? 'paper' : 'verbal');
  const [recordedBy, setRecordedBy] = useState(storedRecordedBy);
  const [notice, setNotice] = useState(noticeVersion ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const fileProblem =
    file === null
      ? undefined
      : !(evidenceExtensions as readonly string[]).includes(fileExtension(file.name))
        ? t('privacy-consents.dialog.evidence.badType')
        : file.size > MAX_EVIDENCE_BYTES
          ? t('privacy-consents.dialog.evidence.tooLarge')
          : undefined;

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const by = recordedBy.trim();
      const evidence = file ? { fileName: file.name, contentBase64: await readFileBase64(file) } : undefined;
      const ledger = await api['consents.record']({
        clientId,
        purpose,
        granted,
        method,
        ...(by === '' ? {} : { recordedBy: by }),
        noticeVersion: notice.trim() === '' ? null : notice.trim(),
        ...(evidence ? { evidence } : {}),
      });
      rememberRecordedBy(by);
      onRecorded(ledger);
    } catch (reason) {
      setError(toApiError(reason));
      setSaving(false);
    }
  };

  const purposeText = t(`privacy-consents.purposeLong.${purpose}`);
  const staffNames = [...new Set((staff.data?.items ?? []).map((member) => member.name))];

  return (
    <Modal opened onClose={onClose} title={t(granted ? 'privacy-consents.dialog.grantTitle' : 'privacy-consents.dialog.withdrawTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!fileProblem) void save();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t(granted ? 'privacy-consents.dialog.grantBody' : 'privacy-consents.dialog.withdrawBody', { name: clientName, purpose: purposeText })}
          </Text>
          {purpose === 'reminders' && !granted && (
            <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
              {t('privacy-consents.dialog.withdrawReminders')}
            </Alert>
          )}
          {purpose === 'reminders' && granted && smsOptOut && (
            <Alert color="blue" variant="light" p="xs">
              {t('privacy-consents.dialog.grantRemindersAfterStop')}
            </Alert>
          )}

          <Radio.Group
            label={t('privacy-consents.dialog.method')}
            value={method}
            onChange={(value) => {
              const chosen = METHODS.find((candidate) => candidate === value);
              if (chosen) setMethod(chosen);
            }}
          >
            <SimpleGrid cols={2} spacing="xs" mt={6}>
              {METHODS.map((value) => (
                <Radio key={value} value={value} label={t(`privacy-consents.method.${value}`)} />
              ))}
            </SimpleGrid>
          </Radio.Group>

          {/* Hints under the inputs: of different lengths, above they would put the two inputs out of line. */}
          <SimpleGrid cols={2} spacing="sm">
            <Autocomplete
              label={t('privacy-consents.dialog.recordedBy')}
              description={t('privacy-consents.dialog.recordedBy.hint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={staffNames}
              maxLength={RECORDED_BY_MAX}
              value={recordedBy}
              onChange={setRecordedBy}
            />
            <TextInput
              label={t('privacy-consents.dialog.notice')}
              description={t('privacy-consents.dialog.notice.hint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              maxLength={NOTICE_VERSION_MAX}
              value={notice}
              onChange={(event) => {
                setNotice(event.currentTarget.value);
              }}
            />
          </SimpleGrid>

          <FileInput
            label={t('privacy-consents.dialog.evidence')}
            placeholder={t('privacy-consents.dialog.evidence.placeholder')}
            leftSection={<IconPaperclip size={14} />}
            accept={evidenceExtensions.map((extension) => `.${extension}`).join(',')}
            clearable
            value={file}
            onChange={setFile}
            error={fileProblem}
          />

          {error && <ApiErrorAlert error={error} />}

          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('privacy-consents.dialog.cancel')}
            </Button>
            <Button type="submit" color={granted ? undefined : 'red'} loading={saving} disabled={fileProblem !== undefined}>
              {t(granted ? 'privacy-consents.dialog.grantSave' : 'privacy-consents.dialog.withdrawSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
