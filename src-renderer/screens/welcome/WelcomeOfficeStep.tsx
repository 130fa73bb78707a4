import { Input, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import { officeTypes, type OfficeType } from '../../../src-main/contract/schemas';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { useOffice } from '../../shell/office-context';
import { timeZoneOptions } from '../settings/time-zones';
import { WelcomeFooter } from './WelcomeFooter';
import type { WelcomeStepProps } from './WelcomeWizard';

/** Language (applied at once), the office's name, phone and kind, and its time zone. */
export function WelcomeOfficeStep({ onNext, onBack, onSkip }: WelcomeStepProps) {
  const { t, language } = useI18n();
  const { settings, updateSettings, chooseLanguage } = useOffice();
  const [officeName, setOfficeName] = useState(settings.officeName);
  const [officePhone, setOfficePhone] = useState(settings.officePhone);
  const [officeType, setOfficeType] = useState<OfficeType>(settings.officeType);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [nameMissing, setNameMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const timeZones = useMemo(() => timeZoneOptions(settings.timeZone), [settings.timeZone]);

  const fieldError = (key: string) => (error?.code === 'VALIDATION' && error.field === key ? error.message.replace(`${key}: `, '') : undefined);

  const save = async () => {
    if (officeName.trim() === '') {
      setNameMissing(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      // The language too: what the wizard was read in becomes the office's choice.
      await updateSettings({ officeName, officePhone, officeType, timeZone, language });
      onNext();
    } catch (reason) {
      setError(toApiError(reason));
      setBusy(false);
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
        <Input.Wrapper label={t('settings.language')}>
          <div>
            <SegmentedControl
              size="xs"
              data={[
                { value: 'it', label: 'Italiano' },
                { value: 'en', label: 'English' },
              ]}
              value={language}
              onChange={(next) => {
                if (next === 'it' || next === 'en') void chooseLanguage(next);
              }}
              data-testid="welcome-language"
            />
          </div>
        </Input.Wrapper>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('settings.officeName')}
            required
            autoFocus
            maxLength={120}
            value={officeName}
            error={nameMissing && officeName.trim() === '' ? t('welcome.officeName.required') : fieldError('officeName')}
            onChange={(event) => {
              setOfficeName(event.currentTarget.value);
            }}
          />
          <TextInput
            label={t('settings.officePhone')}
            description={t('settings.officePhone.hint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            maxLength={20}
            inputMode="tel"
            value={officePhone}
            error={fieldError('officePhone')}
            onChange={(event) => {
              setOfficePhone(event.currentTarget.value);
            }}
          />
        </SimpleGrid>
        <Input.Wrapper label={t('settings.officeType')} description={t('settings.officeType.hint')} inputWrapperOrder={['label', 'input', 'description']}>
          <div>
            <SegmentedControl
              size="xs"
              data={officeTypes.map((type) => ({ value: type, label: t(`officeType.${type}`) }))}
              value={officeType}
              onChange={(next) => {
                const type = officeTypes.find((candidate) => candidate === next);
                if (type) setOfficeType(type);
              }}
              data-testid="welcome-office-type"
            />
          </div>
        </Input.Wrapper>
        <Select
          label={t('settings.timeZone')}
          description={t('settings.timeZone.hint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('settings.timeZone.none')}
          data={timeZones}
          value={timeZone}
          error={fieldError('timeZone')}
          onChange={(next) => {
            if (next) setTimeZone(next);
          }}
        />
        {error && !error.field && <ApiErrorAlert error={error} />}
      </Stack>
      <WelcomeFooter onBack={onBack} onSkip={onSkip} busy={busy} />
    </form>
  );
}
