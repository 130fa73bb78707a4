import type { HandlersOf } from '../contract/method-spec';
import type { privacyExportMethods, ZipFile } from '../contract/privacy-export-methods';
import { ClientExportService, type ExportDeps } from '../domain/privacy/export/client-export';
import type { ProgressSink } from '../domain/privacy/export/export-progress';
import { OfficeExportService } from '../domain/privacy/export/office-export';
import { API_ACTOR, type HandlerDeps } from './handler-deps';

export function createPrivacyExportHandlers({ db, settings, clock, events, info }: HandlerDeps): HandlersOf<typeof privacyExportMethods> {
  const deps: ExportDeps = { db, settings, clock, dataDir: info.dataDir, appVersion: info.version, actor: API_ACTOR };
  const clients = new ClientExportService(deps);
  const office = new OfficeExportService(deps);
  /** Progress events only for a caller that named its export (a window follows its own). */
  const progressOf = (exportId: string | undefined): ProgressSink | undefined =>
    exportId === undefined ? undefined : (done, total) => events.emit('privacy.export.progress', { exportId, done, total });
  return {
    'privacy.export.client': async ({ clientId, exportId }) => {
      const { fileName, bytes, counts } = await clients.export(clientId, progressOf(exportId));
      return { ...zipFile(fileName, bytes), counts };
    },
    'privacy.export.office': async ({ exportId }) => {
      const { fileName, bytes, counts } = await office.export(progressOf(exportId));
      return { ...zipFile(fileName, bytes), counts };
    },
  };
}

function zipFile(fileName: string, bytes: Uint8Array): ZipFile {
  return {
    fileName,
    mimeType: 'application/zip',
    contentBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    bytes: bytes.byteLength,
  };
}
