import { Text } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useI18n } from '../i18n/i18n-context';
import { SectionIntro } from './SectionIntro';

export function PrivacyScreen() {
  const { t } = useI18n();
  return (
    <SectionIntro
      title={t('privacy.title')}
      purpose={t('privacy.purpose')}
      icon={<IconShieldLock size={28} stroke={1.5} />}
      emptyTitle={t('privacy.empty.title')}
      next={
        <Text size="sm" c="dimmed">
          {t('privacy.next')}
        </Text>
      }
    />
  );
}
