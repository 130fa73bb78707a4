import { Alert, Badge, Button, Center, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ApiError } from '../../../../src-main/contract/errors';
import type { ProcessingRecord, RecordFieldKey } from '../../../../src-main/contract/privacy-documents-methods';
import type { Language } from '../../../../src-main/contract/schemas';
import { useApi } from '../../../api/api-context';
import { toApiError, useApiQuery } from '../../../api/use-api-query';
import { useI18n } from '../../../i18n/i18n-context';
import { ApiErrorAlert } from '../../../shell/ApiErrorAlert';
import { useOffice } from '../../../shell/office-context';
import { DocumentActions } from './DocumentActions';
import { DocumentLanguagePicker } from './DocumentLanguagePicker';
import { DocumentText } from './DocumentText';
import { stickyBar } from './sticky-bar';
import type { PrintableView } from './PrintableDocument';
import classes from './PrintableDocument.module.css';
import { PrintPreview } from './PrintPreview';
import { useDownload } from './use-download';

type Draft = Partial<Record<RecordFieldKey, string>>;

function recordDocument(record: ProcessingRecord): PrintableView {
  return {
    language: record.language,
    title: record.title,
    subtitle: record.subtitle,
    sections: record.fields.map((field) => ({ heading: field.label, text: field.value })),
  };
}

const same = (a: string, b: string) => a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

/** The record of processing activities: read, edit field by field, print, download. */
export function RecordView() {
  const { t, language: uiLanguage, locale } = useI18n();
  const api = useApi();
  const { timeZone } = useOffice().settings;
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const { data, error, loading, reload } = useApiQuery('privacy.record.get', { language });
  const [saved, setSaved] = useState<ProcessingRecord>();
  const record = saved?.language === language ? saved : data;
  const [draft, setDraft] = useState<Draft>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [printing, setPrinting] = useState<PrintableView>();
  const { downloading, error: downloadError, download } = useDownload();
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }), [locale, timeZone]);

  const startEditing = () => {
    if (!record) return;
    setNotice(undefined);
    setDraft(Object.fromEntries(record.fields.map((field) => [field.key, field.value])));
  };

  const save = async () => {
    if (!record || !draft) return;
    const fields: Draft = {};
    for (const field of record.fields) {
      const text = draft[field.key] ?? field.value;
      if (!same(text, field.value)) fields[field.key] = text;
    }
    if (Object.keys(fields).length === 0) {
      setDraft(undefined);
      setNotice(t('privacy-documents.record.unchanged'));
      return;
    }
    setSaving(true);
    setSaveError(undefined);
    try {
      setSaved(await api['privacy.record.update']({ language, fields }));
      setDraft(undefined);
      setNotice(t('privacy-documents.record.saved'));
      reload();
    } catch (reason) {
      setSaveError(toApiError(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={900}>
        {t('privacy-documents.record.intro')}
      </Text>
      <Group justify="space-between" wrap="wrap" style={draft ? stickyBar : undefined}>
        <Group gap="sm">
          <DocumentLanguagePicker
            value={language}
            onChange={(next) => {
              setDraft(undefined);
              setNotice(undefined);
              setLanguage(next);
            }}
          />
          {record && (
            <Text size="sm" c="dimmed" data-testid="record-state">
              {record.updatedAt === null || !record.fields.some((field) => field.overridden)
                ? t('privacy-documents.record.prefilled')
                : t('privacy-documents.record.updatedAt', { when: day.format(record.updatedAt) })}
            </Text>
          )}
        </Group>
        {draft ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setDraft(undefined)} disabled={saving}>
              {t('privacy-documents.cancel')}
            </Button>
            <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} loading={saving} onClick={() => void save()}>
              {t('privacy-documents.save')}
            </Button>
          </Group>
        ) : (
          record && (
            <DocumentActions
              onEdit={startEditing}
              onPrint={() => setPrinting(recordDocument(record))}
              downloading={downloading}
              onDownload={(format) => void download(() => api['privacy.record.export']({ language, format }))}
            />
          )
        )}
      </Group>
      {notice && (
        <Alert color="teal" variant="light" icon={<IconCheck size={16} />} py={6} withCloseButton onClose={() => setNotice(undefined)}>
          {notice}
        </Alert>
      )}
      {(saveError ?? downloadError) && <ApiErrorAlert error={(saveError ?? downloadError) as ApiError} />}
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {!record && loading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {record && !draft && (
        <div className={classes.sheet} data-testid="record-sheet">
          <article className={classes.document} lang={record.language}>
            <h1>{record.title}</h1>
            <p className={classes.subtitle}>{record.subtitle}</p>
            {record.fields.map((field) => (
              <section key={field.key} data-field={field.key}>
                <h2>
                  {field.label}
                  {field.overridden && (
                    <Badge ml="xs" size="xs" variant="light" radius="sm" style={{ verticalAlign: 'middle' }}>
                      {t('privacy-documents.record.edited')}
                    </Badge>
                  )}
                </h2>
                <DocumentText text={field.value} headingLevel={3} />
              </section>
            ))}
          </article>
        </div>
      )}
      {record && draft && (
        <Stack gap="md" maw={900}>
          {record.fields.map((field) => {
            const text = draft[field.key] ?? field.value;
            return (
              <div key={field.key}>
                <Textarea
                  label={field.label}
                  autosize
                  minRows={2}
                  maxRows={16}
                  value={text}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setDraft((previous) => ({ ...previous, [field.key]: value }));
                  }}
                />
                {!same(text, field.prefilled) && (
                  <Button
                    mt={4}
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconArrowBackUp size={12} />}
                    onClick={() => setDraft((previous) => ({ ...previous, [field.key]: field.prefilled }))}
                  >
                    {t('privacy-documents.record.usePrefilled')}
                  </Button>
                )}
              </div>
            );
          })}
        </Stack>
      )}
      <PrintPreview doc={printing} onClose={() => setPrinting(undefined)} />
    </Stack>
  );
}
