import { ActionIcon, Badge, ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';

interface StaffAndRoomsRowProps {
  name: string;
  color: string;
  active: boolean;
  /** "inactive", in the right gender where the language has one. */
  inactiveLabel: string;
  detail?: ReactNode;
  isFirst: boolean;
  isLast: boolean;
  onEdit: () => void;
  onMove: (direction: -1 | 1) => void;
}

/** One staff member or room in its list: colour, name, a detail line, order arrows and edit. */
export function StaffAndRoomsRow({ name, color, active, inactiveLabel, detail, isFirst, isLast, onEdit, onMove }: StaffAndRoomsRowProps) {
  const { t } = useI18n();
  return (
    <Group gap="sm" wrap="nowrap" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <ColorSwatch color={color} size={14} />
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500} className="truncate" c={active ? undefined : 'dimmed'}>
            {name}
          </Text>
          {!active && (
            <Badge size="xs" variant="light" color="gray">
              {inactiveLabel}
            </Badge>
          )}
        </Group>
        {detail && (
          <Text size="xs" c="dimmed" className="truncate">
            {detail}
          </Text>
        )}
      </Stack>
      <ActionIcon.Group>
        <ActionIcon variant="default" size="sm" aria-label={t('staffRooms.moveUp', { name })} disabled={isFirst} onClick={() => onMove(-1)}>
          <IconArrowUp size={14} />
        </ActionIcon>
        <ActionIcon variant="default" size="sm" aria-label={t('staffRooms.moveDown', { name })} disabled={isLast} onClick={() => onMove(1)}>
          <IconArrowDown size={14} />
        </ActionIcon>
      </ActionIcon.Group>
      <ActionIcon variant="subtle" size="sm" aria-label={t('staffRooms.edit', { name })} onClick={onEdit}>
        <IconPencil size={14} />
      </ActionIcon>
    </Group>
  );
}

/** The ids with the one at `index` swapped with its neighbour in `direction`. */
export function movedOrder(ids: readonly number[], index: number, direction: -1 | 1): number[] {
  const order = [...ids];
  const other = index + direction;
  const a = order[index];
  const b = order[other];
  if (a === undefined || b === undefined) return order;
  order[index] = b;
  order[other] = a;
  return order;
}
