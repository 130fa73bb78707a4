import { useI18n } from '../../i18n/i18n-context';
import { ClientPicker, type PickedClient } from '../calendar/ClientPicker';

export type { PickedClient };

interface ClientFilterProps {
  value: PickedClient | null;
  onChange: (client: PickedClient | null) => void;
  w?: number;
}

/** Narrows the outbox to one client: the appointment dialog's search, worded as a filter and left empty for everyone. */
export function ClientFilter({ value, onChange, w }: ClientFilterProps) {
  const { t } = useI18n();
  return (
    <ClientPicker
      value={value}
      onChange={onChange}
      required={false}
      {...(w === undefined ? {} : { w })}
      texts={{
        label: t('messages.filter.client'),
        placeholder: t('messages.filter.client.placeholder'),
        searching: t('messages.filter.client.searching'),
        none: t('messages.filter.client.none'),
      }}
    />
  );
}
