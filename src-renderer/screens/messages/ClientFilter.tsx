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

interface ClientFilterProps {
  value: PickedClient | null;
  onChange: (client: PickedClient | null) => void;
  w?: number;
}

/** Narrows the outbox to one client: search as you type (name parts or phone digits), clear for everyone. */
export function ClientFilter({ value, onChange, w }: ClientFilterProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  // Once a client is picked the box shows their name: that is not a new search.
  const typed = value && search === value.name ? '' : search.trim();
  const [query] = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  const { data, loading } = useApiQuery('clients.list', { query, limit: RESULTS });

  const options = useMemo(() => {
    const found = (data?.items ?? []).map((client) => ({ value: String(client.id), label: `${client.lastName} ${client.firstName}`.trim() }));
    if (value && !found.some((option) => option.value === String(value.id))) found.unshift({ value: String(value.id), label: value.name });
    return found;
  }, [data, value]);

  return (
    <Select
      w={w}
      label={t('messages.filter.client')}
      placeholder={t('messages.filter.client.placeholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The core already searched: show its answers as they are.
      filter={({ options: all }) => all}
      data={options}
      value={value ? String(value.id) : null}
      onChange={(id, option) => {
        onChange(id === null || !option ? null : { id: Number(id), name: option.label });
      }}
      nothingFoundMessage={loading ? t('messages.filter.client.searching') : t('messages.filter.client.none')}
      leftSection={<IconSearch size={14} />}
      rightSection={loading && typed ? <Loader size={14} /> : undefined}
      maxDropdownHeight={260}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
