import { Text } from '@mantine/core';

/** Placeholder until the privacy panel's audit work lands. */
export function AuditTab() {
  return <Text c="dimmed">…</Text>;
}
