import { Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useI18n } from '../i18n/i18n-context';
import { useOffice } from '../shell/office-context';
import { SectionIntro } from './SectionIntro';

export function RemindersScreen() {
  const { t } = useI18n();
  const { sendsRealSms } = useOffice().appInfo.smsChannel;
  return (
    <SectionIntro
      title={t('reminders.title')}
      purpose={t('reminders.purpose')}
      icon={<IconBell size={28} stroke={1.5} />}
      emptyTitle={t('reminders.empty.title')}
      next={
        <>
          <Text size="sm" c="dimmed">
            {t('reminders.next')}
          </Text>
          {!sendsRealSms && (
            <Text size="sm" c="dimmed">
              {t('reminders.simulator')}
            </Text>
          )}
        </>
      }
    />
  );
}
