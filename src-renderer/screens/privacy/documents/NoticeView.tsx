import { Alert, Anchor, Badge, Button, Center, Group, List, Loader, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconInfoCircle, IconRestore } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ApiError } from '../../../../src-main/contract/errors';
import type { PrivacyNotice } from '../../../../src-main/contract/privacy-documents-methods';
import { languages, type Language } from '../../../../src-main/contract/schemas';
import { useApi } from '../../../api/api-context';
import { toApiError, useApiQuery } from '../../../api/use-api-query';
import { useI18n } from '../../../i18n/i18n-context';
import { intlLocale } from '../../../i18n/resolve-language';
import { translate } from '../../../i18n/translate';
import { ApiErrorAlert } from '../../../shell/ApiErrorAlert';
import { useOffice } from '../../../shell/office-context';
import { DocumentActions } from './DocumentActions';
import { DocumentLanguagePicker } from './DocumentLanguagePicker';
import { DocumentSheet, documentFromText, type PrintableView } from './PrintableDocument';
import { PrintPreview } from './PrintPreview';
import { stickyBar } from './sticky-bar';
import { useDownload } from './use-download';

type Draft = Record<Language, string>;

/**
 * The privacy notice: read it in either language, edit both together, save (a
 * different text gets a new version), print and download; earlier versions stay
 * downloadable, since consents may point to them.
 */
export function NoticeView() {
  const { t, language: uiLanguage, locale } = useI18n();
  const api = useApi();
  const { timeZone, officeName } = useOffice().settings;
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const { data, error, loading, reload } = useApiQuery('privacy.notice.get', {});
  const [saved, setSaved] = useState<PrivacyNotice>();
  const notice = saved ?? data;
  const [draft, setDraft] = useState<Draft>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError>();
  const [message, setMessage] = useState<string>();
  const [printing, setPrinting] = useState<PrintableView>();
  const { downloading, error: downloadError, download } = useDownload();
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }), [locale, timeZone]);

  // The document speaks its own language, whatever the screen's.
  const view = (from: PrivacyNotice, lang: Language) => {
    const date = new Intl.DateTimeFormat(intlLocale(lang), { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
    const subtitle = [translate(lang, 'privacy-documents.notice.version', { version: from.version }), from.updatedAt === null ? undefined : date.format(from.updatedAt)]
      .filter(Boolean)
      .join(' — ');
    return documentFromText(lang, from[lang], translate(lang, 'privacy-documents.kind.notice'), subtitle);
  };
  // A saved text keeps the office's details as they were: say so when the name has changed since.
  const name = officeName.trim();
  const staleName = notice !== undefined && !notice.isDefault && name !== '' && !(notice.it.includes(name) && notice.en.includes(name));

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const result = await api['privacy.notice.save'](draft);
      setSaved(result);
      setDraft(undefined);
      setMessage(t(result.changed ? 'privacy-documents.notice.saved' : 'privacy-documents.notice.unchanged', { version: result.version }));
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
        {t('privacy-documents.notice.intro')}
      </Text>
      <Group justify="space-between" wrap="wrap" style={draft ? stickyBar : undefined}>
        <Group gap="sm">
          {!draft && <DocumentLanguagePicker value={language} onChange={setLanguage} />}
          {notice && (
            <Group gap={6} data-testid="notice-version">
              <Badge variant="light" radius="sm" size="lg" tt="none">
                {t('privacy-documents.notice.version', { version: notice.version })}
              </Badge>
              {notice.isDefault ? (
                <Badge variant="outline" color="gray" radius="sm" tt="none">
                  {t('privacy-documents.notice.template')}
                </Badge>
              ) : (
                notice.updatedAt !== null && (
                  <Text size="sm" c="dimmed">
                    {t('privacy-documents.notice.savedAt', { when: day.format(notice.updatedAt) })}
                  </Text>
                )
              )}
            </Group>
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
          notice && (
            <DocumentActions
              onEdit={() => {
                setMessage(undefined);
                setDraft({ it: notice.it, en: notice.en });
              }}
              onPrint={() => setPrinting(view(notice, language))}
              downloading={downloading}
              onDownload={(format) => void download(() => api['privacy.notice.export']({ language, format }))}
            />
          )
        )}
      </Group>
      {message && (
        <Alert color="teal" variant="light" icon={<IconCheck size={16} />} py={6} withCloseButton onClose={() => setMessage(undefined)} data-testid="notice-message">
          {message}
        </Alert>
      )}
      {notice?.isDefault && !draft && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={16} />} py={8} maw={900}>
          {t('privacy-documents.notice.templateHint')}
        </Alert>
      )}
      {staleName && !draft && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} py={8} maw={900} data-testid="notice-stale">
          {t('privacy-documents.notice.staleName', { name })}
        </Alert>
      )}
      {(saveError ?? downloadError) && <ApiErrorAlert error={(saveError ?? downloadError) as ApiError} />}
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {!notice && loading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {notice && !draft && (
        <div data-testid="notice-sheet">
          <DocumentSheet doc={view(notice, language)} />
        </div>
      )}
      {notice && draft && (
        <Stack gap="xs" maw={900}>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('privacy-documents.notice.formatHint')}
            </Text>
            <Button size="compact-xs" variant="subtle" leftSection={<IconRestore size={12} />} onClick={() => setDraft({ ...notice.template })}>
              {t('privacy-documents.notice.restoreTemplate')}
            </Button>
          </Group>
          <Tabs defaultValue={language} keepMounted={false}>
            <Tabs.List>
              {languages.map((lang) => (
                <Tabs.Tab key={lang} value={lang}>
                  {t(`privacy-documents.notice.text.${lang}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {languages.map((lang) => (
              <Tabs.Panel key={lang} value={lang} pt="xs">
                <Textarea
                  aria-label={t(`privacy-documents.notice.text.${lang}`)}
                  autosize
                  minRows={12}
                  maxRows={24}
                  value={draft[lang]}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setDraft((previous) => (previous ? { ...previous, [lang]: value } : previous));
                  }}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
        </Stack>
      )}
      {notice && notice.previousVersions.length > 0 && !draft && (
        <Stack gap={4} data-testid="notice-previous">
          <Text size="sm" fw={600}>
            {t('privacy-documents.notice.previous')}
          </Text>
          <List size="sm" spacing={2}>
            {notice.previousVersions.map((old) => (
              <List.Item key={old.version}>
                {t('privacy-documents.notice.previous.item', { version: old.version, when: day.format(old.updatedAt) })}
                {' — '}
                <Anchor
                  component="button"
                  size="sm"
                  onClick={() => void download(() => api['privacy.notice.export']({ language, format: 'html', version: old.version }))}
                >
                  {t('privacy-documents.download')} (HTML)
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <PrintPreview doc={printing} onClose={() => setPrinting(undefined)} />
    </Stack>
  );
}
