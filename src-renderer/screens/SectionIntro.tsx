import { EmptyState, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScreenTitle } from '../shell/ScreenTitle';

interface SectionIntroProps {
  title: string;
  /** What the section is for, in one line. */
  purpose: string;
  icon: ReactNode;
  emptyTitle: string;
  /** What to do next, or what will make something appear here. */
  next: ReactNode;
}

/** A section with nothing in it yet: what it is for and what happens next. */
export function SectionIntro({ title, purpose, icon, emptyTitle, next }: SectionIntroProps) {
  return (
    <>
      <ScreenTitle>{title}</ScreenTitle>
      <Text size="sm" c="dimmed" mb="md">
        {purpose}
      </Text>
      <EmptyState py="xl" withIndicatorBackground icon={icon} title={emptyTitle}>
        <Stack gap={4} align="center" maw={520} ta="center">
          {next}
        </Stack>
      </EmptyState>
    </>
  );
}
