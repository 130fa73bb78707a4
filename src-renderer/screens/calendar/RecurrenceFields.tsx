import { Group, NumberInput, SegmentedControl, Select } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context';
import type { AppointmentFormValues, RepeatKind } from './appointment-form';
import { DateField } from './DateField';

interface RecurrenceFieldsProps {
  values: AppointmentFormValues;
  onChange: (changes: Partial<AppointmentFormValues>) => void;
  /** The largest number of appointments one series may have (the core's limit). */
  maxCount: number;
}

/** Repeat every N weeks or months, until a date or a number of times. */
export function RecurrenceFields({ values, onChange, maxCount }: RecurrenceFieldsProps) {
  const { t } = useI18n();
  const repeats = values.repeat !== 'none';
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={t('calendar.dialog.repeat')}
        w={170}
        allowDeselect={false}
        data={[
          { value: 'none', label: t('calendar.repeat.none') },
          { value: 'weekly', label: t('calendar.repeat.weekly') },
          { value: 'monthly', label: t('calendar.repeat.monthly') },
        ]}
        value={values.repeat}
        onChange={(next) => onChange({ repeat: (next ?? 'none') as RepeatKind })}
      />
      {repeats && (
        <NumberInput
          label={values.repeat === 'weekly' ? t('calendar.repeat.everyWeeks') : t('calendar.repeat.everyMonths')}
          w={110}
          min={1}
          max={12}
          clampBehavior="strict"
          allowDecimal={false}
          value={values.interval}
          onChange={(next) => onChange({ interval: typeof next === 'number' ? next : 1 })}
        />
      )}
      {repeats && (
        <SegmentedControl
          size="xs"
          data={[
            { value: 'count', label: t('calendar.repeat.times') },
            { value: 'until', label: t('calendar.repeat.until') },
          ]}
          value={values.endsBy}
          onChange={(next) => onChange({ endsBy: next === 'until' ? 'until' : 'count' })}
          aria-label={t('calendar.repeat.ends')}
        />
      )}
      {repeats && values.endsBy === 'count' && (
        <NumberInput
          aria-label={t('calendar.repeat.count')}
          w={90}
          min={2}
          max={maxCount}
          clampBehavior="strict"
          allowDecimal={false}
          value={values.count}
          onChange={(next) => onChange({ count: typeof next === 'number' ? next : 2 })}
        />
      )}
      {repeats && values.endsBy === 'until' && (
        <DateField
          aria-label={t('calendar.repeat.untilDate')}
          placeholder={t('calendar.dialog.datePlaceholder')}
          pickerLabel={t('calendar.repeat.untilDate')}
          w={150}
          value={values.until}
          onChange={(until) => onChange({ until })}
        />
      )}
    </Group>
  );
}
