import type { Clock } from '../../app/clock';
import type { RandomSource } from '../../app/random';
import {
  consentPurposes,
  type ClientConsents,
  type ConsentEntry,
  type ConsentOverview,
  type ConsentPurpose,
  type ConsentRecordInput,
  type ConsentState,
  fileExtension,
} from '../../contract/consents-methods';
import { ApiError } from '../../contract/errors';
import type { Database } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit-log';
import { ClientsRepository } from '../../db/repositories/clients-repository';
import { ConsentsRepository, type ConsentRow } from '../../db/repositories/consents-repository';
import type { SettingsRepository } from '../../db/repositories/settings-repository';
import { toClientSummary } from '../clients/client-summary';
import { searchExpression } from '../clients/search-expression';
import { ConsentEvidenceFiles, evidenceMimeType } from './consent-evidence';

/** The settings key holding the office's current privacy-notice version (a string). */
export const NOTICE_VERSION_KEY = 'privacy.noticeVersion';
/** Where the privacy documents keep the notice itself; its `version`, when it has one, is used too. */
export const NOTICE_KEY = 'privacy.notice';

export interface ConsentServiceDeps {
  db: Database;
  clock: Clock;
  random: RandomSource;
  settings: SettingsRepository;
  dataDir: string;
}

export interface RecordedConsent extends ClientConsents {
  recorded: ConsentEntry;
}

/**
 * The consent ledger. Every change is a new record (the table refuses UPDATE and
 * DELETE); the latest record per client and purpose is the client's word.
 *
 * Reminders rest on the care or legal mandate: with no record they are sent, and a
 * withdrawal (an objection) stops them. The client's `sms_opt_out` flag follows
 * the last word on reminders, so a withdrawal recorded by staff and a "STOP" reply
 * have the same effect, and a grant recorded by staff after a "STOP" lifts it: a
 * grant is always an explicit act with its method and who took it. Recall and
 * marketing need an explicit opt-in: with no record, nothing is sent.
 */
export class ConsentService {
  private readonly repository: ConsentsRepository;
  private readonly clients: ClientsRepository;
  private readonly evidence: ConsentEvidenceFiles;

  constructor(private readonly deps: ConsentServiceDeps) {
    this.repository = new ConsentsRepository(deps.db);
    this.clients = new ClientsRepository(deps.db);
    this.evidence = new ConsentEvidenceFiles(deps.dataDir, deps.random);
  }

  async forClient(clientId: number): Promise<ClientConsents> {
    const client = await this.clients.get(clientId);
    if (!client) throw new ApiError('NOT_FOUND', `No client with id ${clientId}`);
    const history = (await this.repository.history(clientId)).map(toEntry);
    return {
      clientId,
      smsOptOut: client.sms_opt_out === 1,
      current: consentPurposes.map((purpose) => {
        const latest = history.find((entry) => entry.purpose === purpose) ?? null;
        return { purpose, state: stateOf(latest), latest };
      }),
      history,
      noticeVersion: await this.currentNoticeVersion(),
    };
  }

  async record(input: ConsentRecordInput, actor: string): Promise<RecordedConsent> {
    const { clientId, purpose, granted, method } = input;
    if (!(await this.clients.get(clientId))) throw new ApiError('NOT_FOUND', `No client with id ${clientId}`);
    const noticeVersion = input.noticeVersion === undefined ? await this.currentNoticeVersion() : input.noticeVersion || null;
    const recordedBy = input.recordedBy ?? actor;
    // The file first, outside the transaction (disk work must not hold the store's lock); undone if the record fails.
    const evidencePath = input.evidence ? await this.evidence.save(clientId, input.evidence.fileName, input.evidence.contentBase64) : null;
    const now = this.deps.clock.now();
    let id: number;
    try {
      id = await this.deps.db.transaction(async (tx) => {
        // Again inside: the client may have been erased since the first look.
        if (!(await this.clients.get(clientId, tx))) throw new ApiError('NOT_FOUND', `No client with id ${clientId}`);
        const consentId = await this.repository.insert(tx, { clientId, purpose, granted, method, recordedBy, noticeVersion, recordedAt: now, evidencePath });
        if (purpose === 'reminders') await this.repository.setSmsOptOut(tx, clientId, !granted, now);
        await appendAudit(tx, now, {
          actor,
          action: 'consents.record',
          entity: 'client',
          entityId: clientId,
          detail: `${purpose} ${granted ? 'granted' : 'withdrawn'}, consent ${consentId}`,
        });
        return consentId;
      });
    } catch (err) {
      if (evidencePath !== null) await this.evidence.remove(evidencePath).catch(() => undefined);
      throw err;
    }
    const ledger = await this.forClient(clientId);
    const recorded = ledger.history.find((entry) => entry.id === id);
    if (!recorded) throw new Error(`consent ${id} not found after insert`);
    return { ...ledger, recorded };
  }

  async overview(input: { purpose: ConsentPurpose; state?: ConsentState | undefined; query: string; limit: number; offset: number }): Promise<ConsentOverview> {
    const { clients, byPurpose } = await this.repository.counts();
    const { total, records } = await this.repository.clients({
      purpose: input.purpose,
      state: input.state,
      expression: searchExpression(input.query),
      limit: input.limit,
      offset: input.offset,
    });
    const latest = await this.repository.latestOf(records.map((record) => record.id));
    const cell = (clientId: number, purpose: ConsentPurpose) => {
      const row = latest.find((candidate) => candidate.client_id === clientId && candidate.purpose === purpose);
      return row
        ? { state: row.granted === 1 ? ('granted' as const) : ('withdrawn' as const), method: row.method, recordedAt: row.recorded_at }
        : { state: 'none' as const, method: null, recordedAt: null };
    };
    const countsOf = (purpose: ConsentPurpose) => {
      const { granted, withdrawn } = byPurpose[purpose];
      return { granted, withdrawn, none: clients - granted - withdrawn };
    };
    return {
      counts: { reminders: countsOf('reminders'), recall: countsOf('recall'), marketing: countsOf('marketing') },
      total,
      items: records.map((record) => ({
        client: toClientSummary(record),
        consents: { reminders: cell(record.id, 'reminders'), recall: cell(record.id, 'recall'), marketing: cell(record.id, 'marketing') },
      })),
    };
  }

  /** The record's evidence file, named by client and record (never by the person's name). */
  async evidenceFile(consentId: number): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
    const row = await this.repository.get(consentId);
    if (!row?.evidence_path || !(await this.clients.get(row.client_id))) {
      throw new ApiError('NOT_FOUND', `Consent record ${consentId} has no evidence file`);
    }
    const bytes = await this.evidence.read(row.evidence_path);
    return {
      fileName: `consent-${row.client_id}-${row.id}.${fileExtension(row.evidence_path)}`,
      mimeType: evidenceMimeType(row.evidence_path),
      contentBase64: bytes.toString('base64'),
    };
  }

  /** `privacy.noticeVersion`, else the `version` of `privacy.notice`, else null. */
  async currentNoticeVersion(): Promise<string | null> {
    const version = await this.deps.settings.read(NOTICE_VERSION_KEY);
    if (typeof version === 'string' && version.trim() !== '') return version.trim();
    const notice = await this.deps.settings.read(NOTICE_KEY);
    if (typeof notice === 'object' && notice !== null && 'version' in notice) {
      const noticeVersion = (notice as { version: unknown }).version;
      if (typeof noticeVersion === 'string' && noticeVersion.trim() !== '') return noticeVersion.trim();
    }
    return null;
  }
}

function toEntry(row: ConsentRow): ConsentEntry {
  return {
    id: row.id,
    purpose: row.purpose,
    granted: row.granted === 1,
    method: row.method,
    recordedBy: row.recorded_by,
    noticeVersion: row.notice_version,
    recordedAt: row.recorded_at,
    hasEvidence: row.evidence_path !== null,
  };
}

function stateOf(latest: ConsentEntry | null): ConsentState {
  if (!latest) return 'none';
  return latest.granted ? 'granted' : 'withdrawn';
}
