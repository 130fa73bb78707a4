import { Text } from '@mantine/core';

/** Placeholder until the privacy panel's documents work lands. */
export function DocumentsTab() {
  return <Text c="dimmed">…</Text>;
}
