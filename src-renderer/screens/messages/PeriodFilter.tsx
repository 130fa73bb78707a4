import { Select } from '@mantine/core';
import type { CivilDate } from '../../../src-main/domain/calendar/civil-date';
import { civilKey } from '../calendar/civil-date';
import { DateField } from '../calendar/DateField';
import type { Period } from './office-day-range';

/** The chosen period, and the typed days of a custom one ("YYYY-MM-DD", or '' until chosen). */
export interface PeriodChoice<P extends Period> {
  period: P;
  first: string;
  last: string;
}

export interface PeriodFilterTexts<P extends Period> {
  label: string;
  option: (period: P) => string;
  from: string;
  to: string;
  datePlaceholder: string;
  datePicker: string;
}

interface PeriodFilterProps<P extends Period> {
  periods: readonly P[];
  value: PeriodChoice<P>;
  onChange: (change: Partial<PeriodChoice<P>>) => void;
  /** The office's today: where a custom period starts. */
  today: CivilDate;
  texts: PeriodFilterTexts<P>;
}

/** A period of office days to filter by (today, the last 7 days…), or days typed by hand. */
export function PeriodFilter<P extends Period>({ periods, value, onChange, today, texts }: PeriodFilterProps<P>) {
  return (
    <>
      <Select
        w={170}
        label={texts.label}
        allowDeselect={false}
        data={periods.map((period) => ({ value: period, label: texts.option(period) }))}
        value={value.period}
        onChange={(next) => {
          const period = periods.find((candidate) => candidate === next);
          if (!period) return;
          // A custom period starts on today, ready to be widened.
          const todayKey = civilKey(today);
          onChange(period === 'custom' && value.first === '' ? { period, first: todayKey, last: todayKey } : { period });
        }}
      />
      {value.period === 'custom' && (
        <>
          <DateField
            w={150}
            label={texts.from}
            placeholder={texts.datePlaceholder}
            pickerLabel={texts.datePicker}
            value={value.first}
            onChange={(first) => {
              onChange({ first });
            }}
          />
          <DateField
            w={150}
            label={texts.to}
            placeholder={texts.datePlaceholder}
            pickerLabel={texts.datePicker}
            value={value.last}
            onChange={(last) => {
              onChange({ last });
            }}
          />
        </>
      )}
    </>
  );
}
