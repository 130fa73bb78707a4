import type { ApiTransport } from '../../src-main/contract/client';
import { ApiProvider } from '../api/api-context';
import { AppLayout } from './AppLayout';
import { OfficeLoader } from './OfficeLoader';
import { WelcomeGate } from '../screens/welcome/WelcomeGate';

export function App({ transport }: { transport: ApiTransport }) {
  return (
    <ApiProvider transport={transport}>
      <OfficeLoader>
        <WelcomeGate>
          <AppLayout />
        </WelcomeGate>
      </OfficeLoader>
    </ApiProvider>
  );
}
