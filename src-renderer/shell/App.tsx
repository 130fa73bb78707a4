import type { ApiTransport } from '../../src-main/contract/client';
import { ApiProvider } from '../api/api-context';
import { AppLayout } from './AppLayout';
import { OfficeLoader } from './OfficeLoader';

export function App({ transport }: { transport: ApiTransport }) {
  return (
    <ApiProvider transport={transport}>
      <OfficeLoader>
        <AppLayout />
      </OfficeLoader>
    </ApiProvider>
  );
}
