import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { useOffice } from '../../shell/office-context';
import { officeWhen, type OfficeWhen } from './office-when';

/** officeWhen() in the UI language and the office's time zone, built once per change. */
export function useOfficeWhen(): OfficeWhen {
  const { locale } = useI18n();
  const { timeZone } = useOffice().settings;
  return useMemo(() => officeWhen(locale, timeZone), [locale, timeZone]);
}
