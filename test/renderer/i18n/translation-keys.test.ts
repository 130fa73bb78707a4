import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src-renderer/i18n/messages-en';
import { it as italian } from '../../../src-renderer/i18n/messages-it';
import { officeWordingVars } from '../../../src-renderer/i18n/office-wording';
import { REPO_ROOT } from '../../support/run-entry';

const RENDERER = join(REPO_ROOT, 'src-renderer');
const I18N = join(RENDERER, 'i18n');

/**
 * Keys built at run time from a prefix and a value, e.g. t(`status.${status}`). Every key
 * under such a prefix counts as used, so each one is listed here with where its values
 * come from; a new dynamic prefix in the code fails the test until it is listed.
 */
const DYNAMIC_PREFIXES: Record<string, string> = {
  'status.': 'appointment statuses (appointmentStatuses)',
  'errorCode.': 'API error codes (ApiErrorAlert)',
  'officeType.': 'office types (officeTypes)',
  'smsKind.': 'SMS channel kinds (smsChannelKinds)',
  'staffRole.': 'staff roles',
  'calendar.view.': 'calendar views (day, week, month…)',
  'clients.language.': 'client languages (languages)',
  'clients.phone.': 'how a typed mobile number reads (use-mobile-check)',
  'clients.sort.': 'client list sort orders',
  'clients.import.reason.': 'why an import row was left out (import issue reasons)',
  'clients.import.field.': 'the client fields a CSV column can fill',
  'clients.import.encoding.': 'CSV encodings the import detects',
  'clients.import.duplicates.': 'duplicate policies (duplicatePolicies)',
  'clients.import.delimiter.': 'CSV delimiters the import detects',
  'clients.import.badPhones.': 'bad phone policies (phoneProblemPolicies)',
  'messages.state.': 'message states (the outbox state machine)',
  'messages.kind.': 'message kinds',
  'messages.inbox.meaning.': 'what an SMS reply means (confirm, cancel, stop…)',
  'messages.filter.state.': 'the outbox state filter',
  'messages.filter.period.': 'the outbox period filter',
  'reminders.unit.': 'tn() of an offset unit (rule-offset.ts: days, hours, minutes)',
  'reminders.unitName.': 'offset unit names in the rule editor',
  'reminders.placeholder.': 'template placeholders (placeholders)',
  'reminders.editor.template.': 'template languages in the rule editor',
  'reminders.editor.tab.': 'rule editor tabs',
  'reminders.preview.encoding.': 'SMS encodings (gsm7, ucs2)',
  'smsChannel.status.': 'link states (linkStates)',
  'smsChannel.simulator.': 'simulator behaviours',
  'smsChannel.kind.': 'SMS channel kinds (smsChannelKinds)',
  'smsChannel.secret.warning.': 'how secrets are stored (the secret store warning)',
  'privacy-consents.purpose.': 'consent purposes',
  'privacy-consents.purposeLong.': 'consent purposes, long form',
  'privacy-consents.method.': 'how consent was given (paper, verbal, SMS keyword, e-mail)',
  'privacy-documents.notice.text.': 'privacy notice paragraphs',
  'privacy-documents.language.': 'document languages',
  'privacy-documents.kind.': 'document kinds',
  'privacy-erasure.retention.trigger.': 'retention rule triggers',
  'privacy-audit.group.': 'audit action groups (AuditActionGroup)',
  'privacy-audit.action.': 'audit actions (KnownAuditAction, typed in privacy-audit-en.ts)',
  'privacy-audit.recordField.': 'fields of the record of processing',
  'privacy-audit.filter.period.': 'the audit log period filter',
  'privacy-audit.detail.secret.': 'secret changes named in audit details',
  'privacy-audit.detail.language.': 'languages named in audit details',
  'welcome.step.': 'the first-run wizard steps (WelcomeWizard.tsx)',
  'backups.kind.': 'backup kinds (daily, weekly, manual, before an upgrade or a restore)',
};

/** Template literals that look like a key prefix but are not texts. */
const NOT_KEY_PREFIXES: Record<string, string> = {
  'messages.': 'api[`messages.${action}`] in MessageDrawer.tsx: an API method name',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The dictionaries themselves define keys; everything else in the renderer uses them. */
function isDictionary(path: string): boolean {
  const inI18n = relative(I18N, path);
  return /^messages-(en|it)\.ts$/.test(inI18n) || inI18n.startsWith('areas/') || inI18n.startsWith('areas\\');
}

const keys = Object.keys(en);
const keySet = new Set(keys);

/**
 * The office's wording ({client}, {Clients}, {room}…) is always filled in, and each
 * language words a sentence its own way ("No patients yet" / "Nessun paziente"): only
 * the other placeholders, which the code passes in, must match.
 */
const OFFICE_WORDING = new Set(Object.keys(officeWordingVars('en', 'dental')));

function placeholdersOf(text: string): string[] {
  const names = [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => !OFFICE_WORDING.has(name)))].sort();
}

function scanUsage(): { literals: Set<string>; prefixes: Map<string, string[]> } {
  const literals = new Set<string>();
  const prefixes = new Map<string, string[]>();
  for (const file of sourceFiles(RENDERER).filter((path) => !isDictionary(path))) {
    const text = readFileSync(file, 'utf8');
    // 'key', "key" and `key`: t('key'), tn('base', n), and keys in maps (… satisfies Record<…, MessageKey>).
    for (const match of text.matchAll(/(['"`])([\w-]+(?:\.[\w-]+)+)\1/g)) literals.add(match[2] ?? '');
    for (const match of text.matchAll(/`([\w.-]+\.)\$\{/g)) {
      const prefix = match[1] ?? '';
      prefixes.set(prefix, [...(prefixes.get(prefix) ?? []), relative(REPO_ROOT, file)]);
    }
  }
  return { literals, prefixes };
}

describe('translation keys', () => {
  it('has the same keys in Italian and English', () => {
    const italianKeys = Object.keys(italian);
    expect(italianKeys.filter((key) => !keySet.has(key))).toEqual([]);
    expect(keys.filter((key) => !Object.hasOwn(italian, key))).toEqual([]);
  });

  it('has the same {placeholders} in both languages, the office wording aside', () => {
    const mismatched = keys
      .map((key) => {
        const english = placeholdersOf(en[key as keyof typeof en]);
        const other = placeholdersOf(italian[key as keyof typeof en]);
        return { key, en: english, it: other };
      })
      .filter((entry) => entry.en.join() !== entry.it.join());
    expect(mismatched).toEqual([]);
  });

  it('uses every key, and every key prefix built at run time is declared', () => {
    const { literals, prefixes } = scanUsage();
    // A template prefix some key starts with must be declared, either way.
    const undeclared = [...prefixes.entries()]
      .filter(([prefix]) => keys.some((key) => key.startsWith(prefix)))
      .filter(([prefix]) => !Object.hasOwn(DYNAMIC_PREFIXES, prefix) && !Object.hasOwn(NOT_KEY_PREFIXES, prefix))
      .map(([prefix, files]) => `${prefix} (${files.join(', ')})`);
    expect(undeclared).toEqual([]);
    // A declared prefix the code no longer builds would hide unused keys.
    const stale = Object.keys(DYNAMIC_PREFIXES).filter((prefix) => !prefixes.has(prefix));
    expect(stale).toEqual([]);

    const used = (key: string) =>
      literals.has(key) ||
      // tn('base', count) picks base.one or base.other.
      (/\.(one|other)$/.test(key) && literals.has(key.replace(/\.(one|other)$/, ''))) ||
      Object.keys(DYNAMIC_PREFIXES).some((prefix) => key.startsWith(prefix));
    expect(keys.filter((key) => !used(key))).toEqual([]);
  });
});
