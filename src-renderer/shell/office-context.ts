import { createContext, useContext } from 'react';
import type { AppInfo, Language, Settings } from '../../src-main/contract/schemas';

/** The office's settings and installation facts, loaded once and kept current by events. */
export interface Office {
  settings: Settings;
  appInfo: AppInfo;
  /** Saves and returns the stored settings; rejects with an ApiError. */
  updateSettings: (changes: Partial<Settings>) => Promise<Settings>;
  /** Saves the language, showing it at once; rejects with an ApiError and goes back if the save fails. */
  chooseLanguage: (language: Language) => Promise<void>;
}

export const OfficeContext = createContext<Office | undefined>(undefined);

export function useOffice(): Office {
  const office = useContext(OfficeContext);
  if (!office) throw new Error('useOffice must be used inside <OfficeLoader>');
  return office;
}
