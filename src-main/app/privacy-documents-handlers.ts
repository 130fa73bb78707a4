import type { privacyDocumentsMethods } from '../contract/privacy-documents-methods';
import type { HandlersOf } from '../contract/method-spec';
import { SettingsRepository } from '../db/repositories/settings-repository';
import { PrivacyDocumentsService } from '../domain/privacy/privacy-documents-service';
import { API_ACTOR, type HandlerDeps } from './handler-deps';

/** The record of processing activities and the privacy notice. */
export function createPrivacyDocumentsHandlers({ db, settings, clock, sms }: HandlerDeps): HandlersOf<typeof privacyDocumentsMethods> {
  const documents = new PrivacyDocumentsService({
    repository: new SettingsRepository(db),
    settings,
    clock,
    actor: API_ACTOR,
    channel: async () => {
      const { config } = await sms.settings();
      return { kind: config.kind, smppHost: config.smpp?.host, modemOperator: config.kind === 'modem' ? sms.status().operator : undefined };
    },
  });
  return {
    'privacy.record.get': ({ language }) => documents.record(language),
    'privacy.record.update': ({ language, fields }) => documents.updateRecord(language, fields),
    'privacy.record.export': ({ language, format }) => documents.exportRecord(language, format),
    'privacy.notice.get': ({ version }) => documents.notice(version),
    'privacy.notice.save': ({ it, en }) => documents.saveNotice(it, en),
    'privacy.notice.export': ({ language, format, version }) => documents.exportNotice(language, format, version),
  };
}
