import { Badge, Group, Text, ThemeIcon } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useI18n } from '../i18n/i18n-context';
import { DispatchStatusLine } from './DispatchStatusLine';
import { LanguageSwitch } from './LanguageSwitch';
import { useOffice } from './office-context';

export function HeaderBar() {
  const { t } = useI18n();
  const { settings, appInfo } = useOffice();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <ThemeIcon size="md" radius="sm" aria-hidden>
          <IconBell size={16} />
        </ThemeIcon>
        <Text fw={600} truncate="end" data-testid="office-name">
          {settings.officeName || 'Promemoria'}
        </Text>
        {appInfo.demo && (
          <Badge color="grape" variant="light" title={t('header.demo.hint')}>
            {t('header.demo')}
          </Badge>
        )}
        <DispatchStatusLine />
      </Group>
      <LanguageSwitch />
    </Group>
  );
}
