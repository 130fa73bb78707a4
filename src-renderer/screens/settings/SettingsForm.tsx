import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import { officeTypes, type Settings } from '../../../src-main/contract/schemas';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { useOffice } from '../../shell/office-context';
import { timeZoneOptions } from './time-zones';

/** The Select needs a string for "follow the computer", which the API stores as null. */
const SYSTEM_LANGUAGE = 'system';

/**
 * Edits the office settings. Only the fields the user touched are kept here, so a
 * change made elsewhere (the header's language switch, another window) still shows
 * in the fields left alone.
 */
export function SettingsForm() {
  const { t } = useI18n();
  const { settings, updateSettings } = useOffice();
  const [draft, setDraft] = useState<Partial<Settings>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError>();
  const timeZones = useMemo(() => timeZoneOptions(settings.timeZone), [settings.timeZone]);

  const value = <K extends keyof Settings>(key: K): Settings[K] =>
    Object.hasOwn(draft, key) ? (draft[key] as Settings[K]) : settings[key];

  const edit = <K extends keyof Settings>(key: K, next: Settings[K]) => {
    setDraft((current) => ({ ...current, [key]: next }));
    setSaved(false);
  };

  const changes = Object.fromEntries(
    Object.entries(draft).filter(([key, next]) => settings[key as keyof Settings] !== next),
  ) as Partial<Settings>;
  const dirty = Object.keys(changes).length > 0;

  // Next to its input the message need not repeat the field's name ("defaultRegion: expected…").
  const fieldError = (key: keyof Settings) =>
    error?.code === 'VALIDATION' && error.field === key ? error.message.replace(`${key}: `, '') : undefined;
  const errorHasField = error?.field !== undefined && Object.hasOwn(settings, error.field);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await updateSettings(changes);
      setDraft({});
      setSaved(true);
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setSaving(false);
    }
  };

  const language = value('language');

  return (
    <Card
      withBorder
      padding="md"
      component="form"
      noValidate
      onSubmit={(event: React.SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Text fw={600}>{t('settings.office')}</Text>
        <TextInput
          label={t('settings.officeName')}
          maxLength={120}
          value={value('officeName')}
          error={fieldError('officeName')}
          onChange={(event) => {
            edit('officeName', event.currentTarget.value);
          }}
        />
        <TextInput
          label={t('settings.officePhone')}
          description={t('settings.officePhone.hint')}
          maxLength={20}
          inputMode="tel"
          value={value('officePhone')}
          error={fieldError('officePhone')}
          onChange={(event) => {
            edit('officePhone', event.currentTarget.value);
          }}
        />
        <Select
          label={t('settings.officeType')}
          description={t('settings.officeType.hint')}
          allowDeselect={false}
          data={officeTypes.map((type) => ({ value: type, label: t(`officeType.${type}`) }))}
          value={value('officeType')}
          error={fieldError('officeType')}
          onChange={(next) => {
            const type = officeTypes.find((candidate) => candidate === next);
            if (type) edit('officeType', type);
          }}
        />
        <Select
          label={t('settings.language')}
          allowDeselect={false}
          data={[
            { value: SYSTEM_LANGUAGE, label: t('settings.language.system') },
            { value: 'it', label: 'Italiano' },
            { value: 'en', label: 'English' },
          ]}
          value={language ?? SYSTEM_LANGUAGE}
          error={fieldError('language')}
          onChange={(next) => {
            edit('language', next === 'it' || next === 'en' ? next : null);
          }}
        />
        <Select
          label={t('settings.timeZone')}
          description={t('settings.timeZone.hint')}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('settings.timeZone.none')}
          data={timeZones}
          value={value('timeZone')}
          error={fieldError('timeZone')}
          onChange={(next) => {
            if (next) edit('timeZone', next);
          }}
        />
        <TextInput
          label={t('settings.defaultRegion')}
          description={t('settings.defaultRegion.hint')}
          maxLength={2}
          value={value('defaultRegion')}
          error={fieldError('defaultRegion')}
          onChange={(event) => {
            edit('defaultRegion', event.currentTarget.value.toUpperCase());
          }}
        />
        {error && !errorHasField && <ApiErrorAlert error={error} />}
        <Group gap="sm">
          <Button type="submit" size="sm" loading={saving} disabled={!dirty}>
            {t('settings.save')}
          </Button>
          {saved && !dirty && (
            <Group gap={4} c="green" role="status">
              <IconCheck size={16} />
              <Text size="sm">{t('settings.saved')}</Text>
            </Group>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
