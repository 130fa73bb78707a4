import { Button, Group } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context';

interface WelcomeFooterProps {
  onBack?: (() => void) | undefined;
  onSkip: () => void;
  busy: boolean;
  last?: boolean;
  /** Steps without a text field focus the Next button, so Enter goes on. */
  focusNext?: boolean;
}

/** Skip on the left; Back and Next (the form's submit, so Enter goes on) on the right. */
export function WelcomeFooter({ onBack, onSkip, busy, last = false, focusNext = false }: WelcomeFooterProps) {
  const { t } = useI18n();
  return (
    <Group justify="space-between" mt="md">
      <Button variant="subtle" color="gray" size="sm" onClick={onSkip} disabled={busy} data-testid="welcome-skip">
        {t('welcome.skip')}
      </Button>
      <Group gap="xs">
        {onBack && (
          <Button variant="default" size="sm" onClick={onBack} disabled={busy}>
            {t('welcome.back')}
          </Button>
        )}
        <Button type="submit" size="sm" loading={busy} autoFocus={focusNext} data-testid="welcome-next">
          {last ? t('welcome.finish') : t('welcome.next')}
        </Button>
      </Group>
    </Group>
  );
}
