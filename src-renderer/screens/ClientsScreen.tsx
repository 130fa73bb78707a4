import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { clientIdFromHash, sectionHref } from '../shell/hash-route';
import { ClientFormModal } from './clients/ClientFormModal';
import { ClientList, initialListState, type ClientListState } from './clients/ClientList';
import { ClientPage } from './clients/ClientPage';
import { ImportWizard } from './clients/ImportWizard';

/**
 * The client list, and one client's page in its place when opened (from the
 * list, or by a `#/clients/<id>` link). The list's search, order and page are
 * kept here, so coming back finds it as it was. Alt+N adds a client from either view.
 */
export function ClientsScreen() {
  const [list, setList] = useState<ClientListState>(initialListState);
  // A link to one client (`#/clients/42`, from the privacy panel) opens their page.
  const [openId, setOpenId] = useState<number | undefined>(() => clientIdFromHash(window.location.hash));
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  // Bumped after an import so the list, kept mounted, asks again.
  const [listGeneration, setListGeneration] = useState(0);

  // No tags ignored: Alt+N works while typing in the search box too.
  useHotkeys([['alt+N', () => setCreating(true)]], []);

  return (
    <>
      {openId === undefined ? (
        <ClientList
          key={listGeneration}
          state={list}
          onChange={setList}
          onOpen={setOpenId}
          onCreate={() => setCreating(true)}
          onImport={() => setImporting(true)}
        />
      ) : (
        <ClientPage
          key={openId}
          id={openId}
          onBack={() => {
            setOpenId(undefined);
            // Back to the list: a reload must not reopen the client the link named.
            if (clientIdFromHash(window.location.hash) !== undefined) window.history.replaceState(null, '', sectionHref('clients'));
          }}
        />
      )}
      {creating && (
        <ClientFormModal
          onClose={() => setCreating(false)}
          onSaved={(client) => {
            setCreating(false);
            setOpenId(client.id);
          }}
        />
      )}
      {importing && (
        <ImportWizard
          onClose={() => setImporting(false)}
          onImported={() => {
            setListGeneration((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
