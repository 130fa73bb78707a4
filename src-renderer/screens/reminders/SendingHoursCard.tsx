import { Button, Card, Group, Loader, NumberInput, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import type { ReminderSettings } from '../../../src-main/contract/reminders-schemas';
import { useApi } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { ClockField } from '../calendar/ClockField';

/** The office-wide sending hours: quiet hours, quiet Sundays, minimum notice, automatic answers. */
export function SendingHoursCard() {
  const { t } = useI18n();
  const query = useApiQuery('reminders.settings.get', {});
  return (
    <Card withBorder padding="md" data-testid="sending-hours">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('reminders.hours.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reminders.hours.rule')}
        </Text>
        {query.error && !query.data && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
        {!query.data && !query.error && <Loader size="sm" />}
        {query.data && <SendingHoursForm stored={query.data} />}
      </Stack>
    </Card>
  );
}

type Field = keyof ReminderSettings;

function SendingHoursForm({ stored: loaded }: { stored: ReminderSettings }) {
  const { t } = useI18n();
  const api = useApi();
  const [stored, setStored] = useState(loaded);
  const [draft, setDraft] = useState(loaded);
  const [minLead, setMinLead] = useState<number | ''>(loaded.minLeadMinutes);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError>();

  const edit = <K extends Field>(key: K, value: ReminderSettings[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setSaved(false);
    setError(undefined);
  };

  const dirty = JSON.stringify(draft) !== JSON.stringify(stored);
  const fieldError = (key: Field) => (error?.code === 'VALIDATION' && error.field === key ? error.message.replace(`${key}: `, '') : undefined);
  const errorHasField = error?.field !== undefined && Object.hasOwn(stored, error.field);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const result = await api['reminders.settings.update'](draft);
      setStored(result);
      setDraft(result);
      setMinLead(result.minLeadMinutes);
      setSaved(true);
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <ClockField
            label={t('reminders.hours.quietFrom')}
            value={draft.quietFrom}
            error={fieldError('quietFrom')}
            onChange={(value) => {
              edit('quietFrom', value);
            }}
          />
          <ClockField
            label={t('reminders.hours.quietTo')}
            value={draft.quietTo}
            error={fieldError('quietTo')}
            onChange={(value) => {
              edit('quietTo', value);
            }}
          />
        </SimpleGrid>
        <Switch
          label={t('reminders.hours.quietSundays')}
          checked={draft.quietSundays}
          onChange={(event) => {
            edit('quietSundays', event.currentTarget.checked);
          }}
        />
        <NumberInput
          label={t('reminders.hours.minLead')}
          description={t('reminders.hours.minLead.hint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          min={0}
          max={24 * 60}
          step={15}
          allowDecimal={false}
          allowNegative={false}
          value={minLead}
          error={fieldError('minLeadMinutes')}
          onChange={(value) => {
            const minutes = typeof value === 'number' ? value : value === '' ? '' : Number(value);
            setMinLead(minutes);
            if (minutes !== '' && Number.isInteger(minutes)) edit('minLeadMinutes', minutes);
          }}
        />
        <Switch
          label={t('reminders.hours.autoAck')}
          description={t('reminders.hours.autoAck.hint')}
          checked={draft.autoAcknowledge}
          onChange={(event) => {
            edit('autoAcknowledge', event.currentTarget.checked);
          }}
        />
        {error && !errorHasField && <ApiErrorAlert error={error} />}
        <Group gap="sm">
          <Button type="submit" loading={saving} disabled={!dirty || minLead === ''}>
            {t('reminders.hours.save')}
          </Button>
          {saved && !dirty && (
            <Group gap={4} c="green" role="status">
              <IconCheck size={16} />
              <Text size="sm">{t('reminders.hours.saved')}</Text>
            </Group>
          )}
        </Group>
      </Stack>
    </form>
  );
}
