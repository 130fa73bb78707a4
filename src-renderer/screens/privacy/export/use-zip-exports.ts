import { useRef, useState } from 'react';
import type { ApiError } from '../../../../src-main/contract/errors';
import type { MethodOutput } from '../../../../src-main/contract/methods';
import { useApiEvent } from '../../../api/api-context';
import { toApiError } from '../../../api/use-api-query';
import { downloadZip } from './download-zip';

export type ExportKind = 'client' | 'office';
export type ClientExport = MethodOutput<'privacy.export.client'>;
export type OfficeExport = MethodOutput<'privacy.export.office'>;

/** Where the last export of each kind stands; one export runs at a time. */
export interface ZipExports {
  running: ExportKind | undefined;
  /** Of the running export: 0–100. */
  percent: number;
  client: { file?: ClientExport; error?: ApiError };
  office: { file?: OfficeExport; error?: ApiError };
  exportClient(call: (exportId: string) => Promise<ClientExport>): void;
  exportOffice(call: (exportId: string) => Promise<OfficeExport>): void;
}

/**
 * Runs an export, follows its `privacy.export.progress` events (only its own: the
 * id is made here), and hands the ZIP to the browser's download when it arrives.
 */
export function useZipExports(): ZipExports {
  const [running, setRunning] = useState<ExportKind>();
  const [percent, setPercent] = useState(0);
  const [client, setClient] = useState<ZipExports['client']>({});
  const [office, setOffice] = useState<ZipExports['office']>({});
  const currentId = useRef<string | undefined>(undefined);

  useApiEvent('privacy.export.progress', ({ exportId, done, total }) => {
    if (exportId === currentId.current) setPercent(total > 0 ? Math.floor((done / total) * 100) : 0);
  });

  function start<F extends ClientExport | OfficeExport>(kind: ExportKind, call: (exportId: string) => Promise<F>, settle: (state: { file?: F; error?: ApiError }) => void) {
    if (running) return;
    const exportId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    currentId.current = exportId;
    setRunning(kind);
    setPercent(0);
    settle({});
    call(exportId).then(
      (file) => {
        downloadZip(file);
        settle({ file });
      },
      (reason: unknown) => settle({ error: toApiError(reason) }),
    ).finally(() => {
      currentId.current = undefined;
      setRunning(undefined);
    });
  }

  return {
    running,
    percent,
    client,
    office,
    exportClient: (call) => start('client', call, setClient),
    exportOffice: (call) => start('office', call, setOffice),
  };
}
