import type { AuditEntry } from '../../../../src-main/contract/audit-methods';
import { recordFieldKeys, type RecordFieldKey } from '../../../../src-main/contract/privacy-documents-methods';
import type { MessageKey } from '../../../i18n/messages-en';
import type { PluralKey } from '../../../i18n/translate';
import type { MessageVars } from '../../../i18n/translate';
import type { Translate } from './audit-labels';

type TranslateCount = (key: PluralKey, count: number, vars?: MessageVars) => string;

/**
 * An entry's detail as the office reads it. What the core writes is ids, counts,
 * field names and, for some actions, a small JSON object; the known shapes are put
 * into words, anything else is shown as written (it never holds names).
 */
export function auditDetailText(t: Translate, tn: TranslateCount, locale: string, entry: Pick<AuditEntry, 'action' | 'detail'>): string {
  const { action, detail } = entry;
  if (detail === null || detail === '') return '';
  const json = parseObject(detail);
  switch (action) {
    case 'settings.update':
      return t('privacy-audit.detail.settings', { keys: detail.split(',').map((key) => settingLabel(t, key.trim())).join(', ') });
    case 'sms.channel.update':
      if (json) return channelDetail(t, json);
      break;
    case 'store.backup':
      if (json && typeof json.fromVersion === 'number') return t('privacy-audit.detail.backup.upgrade', { version: json.fromVersion });
      if (json && typeof json.bytes === 'number') {
        return t('privacy-audit.detail.backup', { size: byteSize(json.bytes, locale), integrity: String(json.integrity) });
      }
      break;
    case 'privacy.notice.update':
      if (json && typeof json.version === 'string') return t('privacy-audit.detail.notice', { version: json.version, previous: String(json.previous) });
      break;
    case 'privacy.record.update':
      if (json && Array.isArray(json.fields) && (json.language === 'it' || json.language === 'en')) {
        const fields = json.fields.filter((key): key is RecordFieldKey => (recordFieldKeys as readonly unknown[]).includes(key));
        return t('privacy-audit.detail.record', {
          language: t(`privacy-audit.detail.language.${json.language}`),
          fields: fields.map((key) => t(`privacy-audit.recordField.${key}`)).join(', '),
        });
      }
      break;
    case 'appointment.create':
    case 'appointment.update':
    case 'appointment.delete':
      if (json && typeof json.count === 'number') {
        const parts = [tn('privacy-audit.detail.appointments', json.count)];
        if (typeof json.conflictsAccepted === 'number' && json.conflictsAccepted > 0) parts.push(t('privacy-audit.detail.conflicts', { count: json.conflictsAccepted }));
        return parts.join(' · ');
      }
      break;
    case 'privacy.hold.set':
      if (json && typeof json.until === 'string') return t('privacy-audit.detail.holdUntil', { until: civilDate(json.until, locale) });
      break;
    case 'privacy.retention.run':
      if (json && typeof json.messageTexts === 'number') {
        const parts = [t('privacy-audit.detail.retention', { texts: String(json.messageTexts), replies: String(json.replies), entries: String(json.auditEntries) })];
        if (typeof json.heldBack === 'number' && json.heldBack > 0) parts.push(t('privacy-audit.detail.retention.heldBack', { count: json.heldBack }));
        if (json.trigger === 'manual') parts.push(t('privacy-audit.detail.retention.manual'));
        return parts.join(' · ');
      }
      break;
    case 'clients.exportCsv':
      if (json && typeof json.rows === 'number') {
        const parts = [tn('privacy-audit.detail.exportRows', json.rows)];
        if (json.archived === true) parts.push(t('privacy-audit.detail.exportArchived'));
        return parts.join(' · ');
      }
      break;
  }
  if (json) return Object.entries(json).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' · ');
  return detail;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const settingKeys: Record<string, MessageKey> = {
  officeName: 'privacy-audit.setting.officeName',
  officePhone: 'privacy-audit.setting.officePhone',
  officeType: 'privacy-audit.setting.officeType',
  language: 'privacy-audit.setting.language',
  timeZone: 'privacy-audit.setting.timeZone',
  defaultRegion: 'privacy-audit.setting.defaultRegion',
  reminders: 'privacy-audit.setting.reminders',
  'dispatch.paused': 'privacy-audit.setting.dispatch.paused',
  'privacy.retention': 'privacy-audit.setting.privacy.retention',
};

function settingLabel(t: Translate, key: string): string {
  const label = Object.hasOwn(settingKeys, key) ? settingKeys[key] : undefined;
  return label ? t(label) : key;
}

const channelKinds: Record<string, MessageKey> = { simulator: 'smsKind.simulator', modem: 'smsKind.modem', smpp: 'smsKind.smpp' };

function channelDetail(t: Translate, json: Record<string, unknown>): string {
  const kind = (value: unknown) => {
    const key = typeof value === 'string' && Object.hasOwn(channelKinds, value) ? channelKinds[value] : undefined;
    return key ? t(key) : String(value);
  };
  const parts = [
    json.previousKind === undefined || json.previousKind === json.kind
      ? t('privacy-audit.detail.channel.same', { kind: kind(json.kind) })
      : t('privacy-audit.detail.channel', { kind: kind(json.kind), previous: kind(json.previousKind) }),
    t(json.settings === 'unchanged' ? 'privacy-audit.detail.channel.settingsUnchanged' : 'privacy-audit.detail.channel.settingsChanged'),
  ];
  for (const secret of ['smppPassword', 'simPin'] as const) {
    const change = json[secret];
    if (change === 'changed' || change === 'removed') parts.push(t(`privacy-audit.detail.secret.${secret}.${change}`));
  }
  return parts.join(' · ');
}

/** "2036-01-31" as the office writes a day ("31/01/2036"). */
function civilDate(text: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return text;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function byteSize(bytes: number, locale: string): string {
  const format = (n: number, unit: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024 * 1024) return format(Math.max(1, Math.round(bytes / 1024)), 'KB');
  return format(bytes / (1024 * 1024), 'MB');
}
