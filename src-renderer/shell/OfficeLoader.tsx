import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Language, Settings, SmsChannelStatus } from '../../src-main/contract/schemas';
import { useApi, useApiEvent } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { I18nProvider } from '../i18n/i18n-context';
import { OfficeContext, type Office } from './office-context';
import { StartupFailed, StartupLoading } from './StartupScreens';

/**
 * Loads the settings and app info every screen depends on, then provides them and
 * the matching language. Until the settings arrive, texts follow the computer's language.
 */
export function OfficeLoader({ children }: { children: ReactNode }) {
  const api = useApi();
  const settingsQuery = useApiQuery('settings.get', {});
  const infoQuery = useApiQuery('app.info', {});
  // Newer than the first load: what a save returned or another window changed.
  const [latest, setLatest] = useState<Settings>();
  useApiEvent('settings.changed', setLatest);

  // The SMS channel connects, drops and changes signal: the header and screens follow it live.
  const [channel, setChannel] = useState<SmsChannelStatus>();
  useApiEvent('sms.status', setChannel);

  const settings = latest ?? settingsQuery.data;
  const loadedInfo = infoQuery.data;
  const appInfo = useMemo(
    () => (loadedInfo && channel ? { ...loadedInfo, smsChannel: channel } : loadedInfo),
    [loadedInfo, channel],
  );

  const updateSettings = useCallback(
    async (changes: Partial<Settings>) => {
      const saved = await api['settings.update'](changes);
      setLatest(saved);
      return saved;
    },
    [api],
  );

  // A language picked in the header applies before the save returns, so every text switches at once.
  const [pendingLanguage, setPendingLanguage] = useState<Language>();
  const chooseLanguage = useCallback(
    async (language: Language) => {
      setPendingLanguage(language);
      try {
        await updateSettings({ language });
      } finally {
        setPendingLanguage(undefined);
      }
    },
    [updateSettings],
  );

  const office = useMemo<Office | undefined>(
    () => (settings && appInfo ? { settings, appInfo, updateSettings, chooseLanguage } : undefined),
    [settings, appInfo, updateSettings, chooseLanguage],
  );

  const { reload: reloadSettings } = settingsQuery;
  const { reload: reloadInfo } = infoQuery;
  const retry = useCallback(() => {
    reloadSettings();
    reloadInfo();
  }, [reloadSettings, reloadInfo]);

  const error = settingsQuery.error ?? infoQuery.error;
  let content: ReactNode;
  if (office) content = <OfficeContext.Provider value={office}>{children}</OfficeContext.Provider>;
  else if (error) content = <StartupFailed error={error} onRetry={retry} />;
  else content = <StartupLoading />;

  return (
    <I18nProvider language={pendingLanguage ?? settings?.language ?? null} officeType={settings?.officeType ?? 'other'}>
      {content}
    </I18nProvider>
  );
}
