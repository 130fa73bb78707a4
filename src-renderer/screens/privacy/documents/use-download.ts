import { useState } from 'react';
import type { ApiError } from '../../../../src-main/contract/errors';
import { toApiError } from '../../../api/use-api-query';
import { downloadTextFile } from '../../clients/download-file';

/** Fetches a file the core writes and hands it to the browser's download; remembers a failure to show. */
export function useDownload(): {
  downloading: boolean;
  error: ApiError | undefined;
  download: (fetch: () => Promise<{ fileName: string; mimeType: string; content: string }>) => Promise<void>;
} {
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const download = async (fetch: () => Promise<{ fileName: string; mimeType: string; content: string }>) => {
    setDownloading(true);
    setError(undefined);
    try {
      downloadTextFile(await fetch());
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setDownloading(false);
    }
  };
  return { downloading, error, download };
}
