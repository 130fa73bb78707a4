import { AppShell, Center, Loader } from '@mantine/core';
import { Suspense } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { HeaderBar } from './HeaderBar';
import { useHashSection } from './hash-route';
import { sectionScreens } from './section-screens';
import { SectionNav } from './SectionNav';
import { useSectionShortcuts } from './use-section-shortcuts';

export function AppLayout() {
  const section = useHashSection();
  useSectionShortcuts();
  const Screen = sectionScreens[section];

  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <HeaderBar />
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <SectionNav current={section} />
      </AppShell.Navbar>
      <AppShell.Main>
        <ErrorBoundary key={section}>
          <Suspense
            fallback={
              <Center py="xl">
                <Loader size="sm" />
              </Center>
            }
          >
            <Screen />
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
