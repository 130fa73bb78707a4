import { Checkbox, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { formatOffset } from '../reminders/rule-offset';
import { TemplatePreview } from '../reminders/TemplatePreview';
import { WelcomeFooter } from './WelcomeFooter';
import type { WelcomeStepProps } from './WelcomeWizard';

/**
 * The suggested rules (2 days and 2 hours before), the first one ticked, each with
 * its Italian text as a client would read it. An office that already has rules
 * (back from a later step) is not offered them twice.
 */
export function WelcomeRemindersStep({ onNext, onBack, onSkip }: WelcomeStepProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const defaults = useApiQuery('reminders.rules.defaults', {});
  const existing = useApiQuery('reminders.rules.list', {});
  const [chosen, setChosen] = useState<readonly number[]>([0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const loadError = defaults.error ?? existing.error;
  const hasRules = (existing.data?.items.length ?? 0) > 0;

  const save = async () => {
    const rules = defaults.data?.items ?? [];
    if (hasRules || !existing.data) return onNext();
    setBusy(true);
    setError(undefined);
    try {
      for (const [index, rule] of rules.entries()) {
        if (chosen.includes(index)) await api['reminders.rules.create'](rule);
      }
      onNext();
    } catch (reason) {
      setError(toApiError(reason));
      setBusy(false);
    }
  };

  let body;
  if (loadError) body = <ApiErrorAlert error={loadError} />;
  else if (!defaults.data || !existing.data) body = <Loader size="sm" />;
  else if (hasRules) body = <Text size="sm">{t('welcome.reminders.existing')}</Text>;
  else
    body = defaults.data.items.map((rule, index) => (
      <Paper key={rule.name} withBorder p="sm" data-testid="welcome-rule">
        <Stack gap="xs">
          <Checkbox
            label={formatOffset(rule.offsetMinutes, i18n)}
            checked={chosen.includes(index)}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              setChosen((current) => (on ? [...current, index] : current.filter((other) => other !== index)));
            }}
          />
          {chosen.includes(index) && (
            <Stack gap={4} pl="lg">
              <Text size="xs" c="dimmed">
                {t('welcome.reminders.previewLanguage')}
              </Text>
              <TemplatePreview template={rule.templateIt} language="it" />
            </Stack>
          )}
        </Stack>
      </Paper>
    ));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Text fw={600}>{t('welcome.reminders.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('welcome.reminders.hint')}
        </Text>
        {body}
        {error && <ApiErrorAlert error={error} />}
      </Stack>
      <WelcomeFooter onBack={onBack} onSkip={onSkip} busy={busy} focusNext />
    </form>
  );
}
