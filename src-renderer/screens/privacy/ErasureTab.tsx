import { Text } from '@mantine/core';

/** Placeholder until the privacy panel's erasure work lands. */
export function ErasureTab() {
  return <Text c="dimmed">…</Text>;
}
