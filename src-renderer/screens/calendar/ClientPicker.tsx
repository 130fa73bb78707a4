import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';

export interface PickedClient {
  id: number;
  name: string;
}

/** Long enough to skip the keystrokes of one word, short enough to feel immediate. */
const SEARCH_DEBOUNCE_MS = 150;
const RESULTS = 20;

/** What the box says; by default, the appointment dialog's words. */
export interface ClientPickerTexts {
  label: string;
  placeholder: string;
  searching: string;
  none: string;
}

interface ClientPickerProps {
  value: PickedClient | null;
  onChange: (client: PickedClient | null) => void;
  error?: string;
  autoFocus?: boolean;
  /** Required in the appointment dialog; a filter may be left empty. */
  required?: boolean;
  w?: number;
  texts?: ClientPickerTexts;
}

/** Search-as-you-type over the client list (name parts or phone digits, as on the clients screen). */
export function ClientPicker({ value, onChange, error, autoFocus, required = true, w, texts }: ClientPickerProps) {
  const { t } = useI18n();
  const words = texts ?? {
    label: t('calendar.dialog.client'),
    placeholder: t('calendar.dialog.clientSearch'),
    searching: t('calendar.dialog.clientSearching'),
    none: t('calendar.dialog.clientNone'),
  };
  const [search, setSearch] = useState('');
  // Once a client is picked the box shows their name: that is not a new search.
  const typed = value && search === value.name ? '' : search.trim();
  const [query] = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  const { data, loading } = useApiQuery('clients.list', { query, limit: RESULTS });

  const options = useMemo(() => {
    const found = (data?.items ?? []).map((client) => ({
      value: String(client.id),
      label: `${client.lastName} ${client.firstName}`.trim(),
      mobile: client.mobileDisplay ?? '',
    }));
    if (value && !found.some((option) => option.value === String(value.id))) {
      found.unshift({ value: String(value.id), label: value.name, mobile: '' });
    }
    return found;
  }, [data, value]);

  return (
    <Select
      w={w}
      label={words.label}
      placeholder={words.placeholder}
      searchable
      clearable
      required={required}
      autoFocus={autoFocus}
      data-autofocus={autoFocus ? true : undefined}
      searchValue={search}
      onSearchChange={setSearch}
      // The core already searched: show its answers as they are.
      filter={({ options: all }) => all}
      data={options.map(({ value: id, label }) => ({ value: id, label }))}
      renderOption={({ option }) => {
        const mobile = options.find((candidate) => candidate.value === option.value)?.mobile;
        return (
          <span>
            {option.label}
            {mobile && <span style={{ color: 'var(--mantine-color-dimmed)', marginInlineStart: 8 }} className="tabular">{mobile}</span>}
          </span>
        );
      }}
      value={value ? String(value.id) : null}
      onChange={(id, option) => {
        onChange(id === null || !option ? null : { id: Number(id), name: option.label });
      }}
      nothingFoundMessage={loading ? words.searching : words.none}
      leftSection={<IconSearch size={14} />}
      rightSection={loading && typed ? <Loader size={14} /> : undefined}
      error={error}
      maxDropdownHeight={260}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
