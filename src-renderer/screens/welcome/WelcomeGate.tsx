import { useState, type ReactNode } from 'react';
import { useApiQuery } from '../../api/use-api-query';
import { StartupLoading } from '../../shell/StartupScreens';
import { WelcomeWizard } from './WelcomeWizard';

/**
 * Shows the welcome wizard instead of the app to a new, empty office that has not
 * finished or skipped it (the core decides: see setup.status). If the question
 * cannot be answered, the app opens as usual: the wizard is a help, never a wall.
 */
export function WelcomeGate({ children }: { children: ReactNode }) {
  const status = useApiQuery('setup.status', {});
  const [done, setDone] = useState(false);
  if (done || status.error || status.data?.needed === false) return children;
  if (!status.data) return <StartupLoading />;
  return (
    <WelcomeWizard
      onDone={() => {
        setDone(true);
      }}
    />
  );
}
