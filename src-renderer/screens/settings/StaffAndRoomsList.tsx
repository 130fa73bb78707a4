import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import { toApiError, type ApiQuery } from '../../api/use-api-query';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { movedOrder, StaffAndRoomsRow } from './StaffAndRoomsRow';

interface ListedItem {
  id: number;
  name: string;
  color: string;
  active: boolean;
}

export interface StaffAndRoomsListProps<T extends ListedItem> {
  query: ApiQuery<{ items: T[] }>;
  reorder: (ids: number[]) => Promise<unknown>;
  labels: { title: string; add: string; empty: string; inactive: string };
  /** A second line under the name (role and hours for staff). */
  detail?: (item: T) => string;
  /** The edit dialog: `target` is the item, 'new', or undefined while nothing was opened yet. */
  dialog: (props: { target: T | 'new' | undefined; opened: boolean; onClose: (saved: boolean) => void }) => ReactNode;
}

/** An ordered list of staff or rooms: add, edit, reorder; inactive ones stay listed, dimmed. */
export function StaffAndRoomsList<T extends ListedItem>({ query, reorder, labels, detail, dialog }: StaffAndRoomsListProps<T>) {
  const { data, error, reload } = query;
  // Kept while the dialog fades out, so its title does not change under the user's eyes.
  const [editing, setEditing] = useState<{ target: T | 'new'; open: boolean }>();
  const [moveError, setMoveError] = useState<ApiError>();
  const items = data?.items ?? [];

  const move = async (index: number, direction: -1 | 1) => {
    try {
      await reorder(movedOrder(items.map((item) => item.id), index, direction));
      setMoveError(undefined);
    } catch (reason) {
      setMoveError(toApiError(reason));
    }
    reload();
  };

  return (
    <Stack gap={0}>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {labels.title}
        </Text>
        <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ target: 'new', open: true })}>
          {labels.add}
        </Button>
      </Group>
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {moveError && <ApiErrorAlert error={moveError} />}
      {data && items.length === 0 && (
        <Text size="sm" c="dimmed" py="xs">
          {labels.empty}
        </Text>
      )}
      {items.map((item, index) => (
        <StaffAndRoomsRow
          key={item.id}
          name={item.name}
          color={item.color}
          active={item.active}
          inactiveLabel={labels.inactive}
          {...(detail ? { detail: detail(item) } : {})}
          isFirst={index === 0}
          isLast={index === items.length - 1}
          onEdit={() => setEditing({ target: item, open: true })}
          onMove={(direction) => void move(index, direction)}
        />
      ))}
      {dialog({
        target: editing?.target,
        opened: editing?.open ?? false,
        onClose: (saved) => {
          setEditing((current) => current && { ...current, open: false });
          if (saved) reload();
        },
      })}
    </Stack>
  );
}
