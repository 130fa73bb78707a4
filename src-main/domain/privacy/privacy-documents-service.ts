import type { Clock } from '../../app/clock';
import { ApiError } from '../../contract/errors';
import type { PrivacyNotice, ProcessingRecord, RecordFieldKey } from '../../contract/privacy-documents-methods';
import type { Language } from '../../contract/schemas';
import { Mutex } from '../../db/mutex';
import type { SettingsRepository } from '../../db/repositories/settings-repository';
import type { SettingsService } from '../settings-service';
import { documentFromText, documentHtml, documentMarkdown, isoDay, longDate } from './privacy-document-format';
import {
  NOTICE_HISTORY_KEY,
  NOTICE_KEY,
  NOTICE_VERSION_KEY,
  TEMPLATE_NOTICE_VERSION,
  nextNoticeVersion,
  noticeTemplate,
  readNoticeHistory,
  readStoredNotice,
  sameNoticeText,
  type StoredNotice,
} from './privacy-notice';
import { RECORD_KEY, RETENTION_KEY, applyRecordEdits, buildRecord, readRetention, readStoredRecord, recordFile, type RecordContext } from './processing-record';

type TextFile = { fileName: string; mimeType: string; content: string };

export interface PrivacyDocumentsDeps {
  repository: SettingsRepository;
  settings: SettingsService;
  clock: Clock;
  /** The SMS channel as the record names it: its kind, the SMPP host, the modem's operator. */
  channel: () => Promise<RecordContext['channel']>;
  actor: string;
}

/** Keeps only the earlier versions a consent may still point to; a few a year at most. */
const HISTORY_LIMIT = 200;

/**
 * The record of processing and the privacy notice: built from the settings,
 * edited by the office, stored in settings keys, and every change audited (the
 * fields or the version, never the text).
 */
export class PrivacyDocumentsService {
  /** Saves read, then write: one at a time, so two saves cannot take the same version. */
  private readonly writes = new Mutex();

  constructor(private readonly deps: PrivacyDocumentsDeps) {}

  async record(language?: Language): Promise<ProcessingRecord> {
    const settings = await this.deps.settings.get();
    const lang = language ?? settings.language ?? 'it';
    return buildRecord(lang, await this.recordContext(), readStoredRecord(await this.deps.repository.read(RECORD_KEY)), this.deps.clock.now());
  }

  updateRecord(language: Language, edits: Partial<Record<RecordFieldKey, string | null>>): Promise<ProcessingRecord> {
    return this.writes.run(async () => {
      const context = await this.recordContext();
      const stored = readStoredRecord(await this.deps.repository.read(RECORD_KEY));
      const prefilled = buildRecord(language, context, { overrides: { it: {}, en: {} }, updatedAt: null }, 0).fields;
      const { overrides, changed } = applyRecordEdits(stored, language, edits, Object.fromEntries(prefilled.map((field) => [field.key, field.prefilled])) as Record<RecordFieldKey, string>);
      if (changed.length > 0) {
        const now = this.deps.clock.now();
        await this.deps.repository.write({ [RECORD_KEY]: { overrides, updatedAt: now } }, this.deps.actor, now, {
          action: 'privacy.record.update',
          entity: 'privacy_record',
          detail: JSON.stringify({ language, fields: changed }),
        });
      }
      return this.record(language);
    });
  }

  async exportRecord(language: Language | undefined, format: 'markdown' | 'html'): Promise<TextFile> {
    const record = await this.record(language);
    const { timeZone } = await this.deps.settings.get();
    return recordFile(record, format, isoDay(this.deps.clock.now(), timeZone));
  }

  async notice(version?: string): Promise<PrivacyNotice> {
    const { current, history, template } = await this.noticeState();
    const shown = version === undefined || version === current.version ? current : history.find((old) => old.version === version);
    if (!shown) throw new ApiError('NOT_FOUND', `No privacy notice version ${version ?? ''}`, 'version');
    const isDefault = shown === current && current.isDefault;
    return {
      version: shown.version,
      it: shown.it,
      en: shown.en,
      isDefault,
      updatedAt: isDefault ? null : shown.updatedAt,
      template,
      previousVersions: history.map((old) => ({ version: old.version, updatedAt: old.updatedAt })),
    };
  }

  /**
   * A text different from the current one becomes a new version, written with
   * `privacy.noticeVersion` (what new consents point to) in one transaction; the
   * one it replaces joins the history. Saving the built-in template as it is
   * adopts it under a version of its own. The same saved text again writes nothing.
   */
  saveNotice(it: string, en: string): Promise<PrivacyNotice & { changed: boolean }> {
    return this.writes.run(async () => {
      const { current, history } = await this.noticeState();
      const unchanged = !current.isDefault && sameNoticeText(it, current.it) && sameNoticeText(en, current.en);
      if (unchanged) return { ...(await this.notice()), changed: false };
      const now = this.deps.clock.now();
      const { timeZone } = await this.deps.settings.get();
      const taken = [current.version, ...history.map((old) => old.version)];
      const next: StoredNotice = { version: nextNoticeVersion(isoDay(now, timeZone), taken), it: clean(it), en: clean(en), updatedAt: now };
      const entries: Record<string, unknown> = { [NOTICE_KEY]: next, [NOTICE_VERSION_KEY]: next.version };
      if (!current.isDefault) {
        const { isDefault: _, ...previous } = current;
        entries[NOTICE_HISTORY_KEY] = [previous, ...history].slice(0, HISTORY_LIMIT);
      }
      await this.deps.repository.write(entries, this.deps.actor, now, {
        action: 'privacy.notice.update',
        entity: 'privacy_notice',
        detail: JSON.stringify({ version: next.version, previous: current.version }),
      });
      return { ...(await this.notice()), changed: true };
    });
  }

  async exportNotice(language: Language, format: 'markdown' | 'html', version?: string): Promise<TextFile> {
    const notice = await this.notice(version);
    const { officeName, timeZone } = await this.deps.settings.get();
    const subtitle = [
      language === 'it' ? `Versione ${notice.version}` : `Version ${notice.version}`,
      notice.updatedAt === null ? undefined : longDate(notice.updatedAt, language, timeZone),
      officeName.trim() || undefined,
    ]
      .filter((part): part is string => part !== undefined)
      .join(' — ');
    const doc = documentFromText(language, notice[language], language === 'it' ? 'Informativa privacy' : 'Privacy notice', subtitle);
    const name = `${language === 'it' ? 'informativa-privacy' : 'privacy-notice'}-${notice.version.replace(/[^A-Za-z0-9.-]+/g, '-')}`;
    return format === 'markdown'
      ? { fileName: `${name}.md`, mimeType: 'text/markdown', content: documentMarkdown(doc) }
      : { fileName: `${name}.html`, mimeType: 'text/html', content: documentHtml(doc) };
  }

  private async noticeState(): Promise<{ current: StoredNotice & { isDefault: boolean }; history: StoredNotice[]; template: { it: string; en: string } }> {
    const settings = await this.deps.settings.get();
    const retention = readRetention(await this.deps.repository.read(RETENTION_KEY));
    const template = noticeTemplate({ settings, retention });
    const stored = readStoredNotice(await this.deps.repository.read(NOTICE_KEY));
    const history = readNoticeHistory(await this.deps.repository.read(NOTICE_HISTORY_KEY));
    const current = stored ? { ...stored, isDefault: false } : { version: TEMPLATE_NOTICE_VERSION, ...template, updatedAt: 0, isDefault: true };
    return { current, history, template };
  }

  private async recordContext(): Promise<RecordContext> {
    const settings = await this.deps.settings.get();
    return {
      settings,
      channel: await this.deps.channel(),
      retention: readRetention(await this.deps.repository.read(RETENTION_KEY)),
    };
  }
}

function clean(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()}\n`;
}
