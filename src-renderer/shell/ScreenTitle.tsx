import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Each screen's h1, with the screen's own controls on the right. */
export function ScreenTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" mb="md" gap="sm">
      <Title order={1} size="h3">
        {children}
      </Title>
      {actions}
    </Group>
  );
}
