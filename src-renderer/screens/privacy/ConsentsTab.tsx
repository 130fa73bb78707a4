import { Text } from '@mantine/core';

/** Placeholder until the privacy panel's consents work lands. */
export function ConsentsTab() {
  return <Text c="dimmed">…</Text>;
}
