import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconMoodSad } from '@tabler/icons-react';
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

interface State {
  failed: boolean;
}

/**
 * Keeps a crash in one screen from blanking the whole window: the header and the
 * navbar stay usable. Remount it (key) to leave the failed state on navigation.
 * React itself logs the error to the console.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <ScreenCrashed /> : this.props.children;
  }
}

function ScreenCrashed() {
  const { t } = useI18n();
  return (
    <Center py="xl">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <IconMoodSad size={40} stroke={1.4} aria-hidden />
        <Title order={1} size="h3">
          {t('boundary.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('boundary.body')}
        </Text>
        <Button
          onClick={() => {
            window.location.reload();
          }}
        >{t('boundary.reload')}</Button>
      </Stack>
    </Center>
  );
}
