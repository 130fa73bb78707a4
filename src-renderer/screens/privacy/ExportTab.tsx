import { Text } from '@mantine/core';

/** Placeholder until the privacy panel's export work lands. */
export function ExportTab() {
  return <Text c="dimmed">…</Text>;
}
