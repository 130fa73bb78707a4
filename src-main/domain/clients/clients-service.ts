import type { Clock } from '../../app/clock';
import type { ClientChanges, ClientCreate, ClientSortOrder, ClientSummary, MobileCheck } from '../../contract/clients-schemas';
import { ApiError } from '../../contract/errors';
import type { Language } from '../../contract/schemas';
import type { Database } from '../../db/database';
import type { ClientFields, ClientRecord, ClientsRepository } from '../../db/repositories/clients-repository';
import type { SqlExecutor } from '../../db/sqlite-connection';
import type { SettingsService } from '../settings-service';
import { utcToZoned } from '../time-zone';
import { toClientSummary } from './client-summary';
import { clientsCsv } from './csv-export';
import { readMobile } from './phone-number';
import { searchExpression } from './search-expression';

export interface ClientListQuery {
  query: string;
  sort?: ClientSortOrder | undefined;
  archived?: boolean | undefined;
  limit: number;
  offset: number;
}

/**
 * Creating, editing and archiving clients. Every write runs in one transaction with
 * its audit entry, and the duplicate check sits inside that transaction, so two
 * desks saving the same new mobile at once cannot both pass it.
 */
export class ClientsService {
  constructor(
    private readonly db: Database,
    private readonly clients: ClientsRepository,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async list(query: ClientListQuery): Promise<{ total: number; items: ClientSummary[] }> {
    const { total, records } = await this.clients.search({
      expression: searchExpression(query.query),
      sort: query.sort ?? 'lastName',
      archived: query.archived ?? false,
      limit: query.limit,
      offset: query.offset,
    });
    return { total, items: records.map(toClientSummary) };
  }

  /** The active (or archived) clients as CSV for Excel; named for the office's day. */
  async exportCsv(archived: boolean): Promise<{ fileName: string; mimeType: string; content: string; rows: number }> {
    const { language, defaultRegion, timeZone } = await this.settings.get();
    const records = await this.clients.all(archived);
    const day = utcToZoned(this.clock.now(), timeZone);
    const date = [day.year, day.month, day.day].map((part) => String(part).padStart(2, '0')).join('-');
    return {
      fileName: `${archived ? 'archived-clients' : 'clients'}-${date}.csv`,
      mimeType: 'text/csv',
      content: clientsCsv(records, officeLanguage(language), defaultRegion),
      rows: records.length,
    };
  }

  async create(input: ClientCreate, actor: string): Promise<ClientSummary> {
    const { defaultRegion, language } = await this.settings.get();
    const fields: ClientFields = {
      firstName: input.firstName,
      lastName: input.lastName,
      mobile: this.mobileFrom(input.mobile, defaultRegion),
      email: emptyToNull(input.email),
      language: input.language ?? officeLanguage(language),
      notes: input.notes,
    };
    const now = this.clock.now();
    const record = await this.db.transaction(async (tx) => {
      if (fields.mobile !== null && !input.allowDuplicate) await this.refuseDuplicate(tx, fields.mobile, undefined);
      const id = await this.clients.insert(tx, fields, now);
      await this.clients.audit(tx, 'client.create', id, actor, now);
      return this.mustGet(tx, id);
    });
    return toClientSummary(record);
  }

  async update(id: number, changes: ClientChanges, allowDuplicate: boolean, actor: string): Promise<ClientSummary> {
    const { defaultRegion } = await this.settings.get();
    const mobile = changes.mobile === undefined ? undefined : this.mobileFrom(changes.mobile, defaultRegion);
    const now = this.clock.now();
    const record = await this.db.transaction(async (tx) => {
      const current = await this.mustGet(tx, id);
      const fields: ClientFields = {
        firstName: changes.firstName ?? current.first_name,
        lastName: changes.lastName ?? current.last_name,
        mobile: mobile === undefined ? current.mobile : mobile,
        email: changes.email === undefined ? current.email : emptyToNull(changes.email),
        language: changes.language ?? current.language,
        notes: changes.notes ?? current.notes,
      };
      const changed = changedFields(current, fields);
      if (changed.length === 0) return current;
      // Only a new number is checked: a duplicate the user already accepted is not asked about again.
      if (changed.includes('mobile') && fields.mobile !== null && !allowDuplicate) {
        await this.refuseDuplicate(tx, fields.mobile, id);
      }
      await this.clients.update(tx, id, fields, now);
      await this.clients.audit(tx, 'client.update', id, actor, now, `fields: ${changed.join(',')}`);
      return this.mustGet(tx, id);
    });
    return toClientSummary(record);
  }

  async setArchived(id: number, archived: boolean, actor: string): Promise<ClientSummary> {
    const now = this.clock.now();
    const record = await this.db.transaction(async (tx) => {
      const current = await this.mustGet(tx, id);
      if ((current.archived_at !== null) === archived) return current;
      await this.clients.setArchived(tx, id, archived ? now : null, now);
      await this.clients.audit(tx, archived ? 'client.archive' : 'client.unarchive', id, actor, now);
      return this.mustGet(tx, id);
    });
    return toClientSummary(record);
  }

  async checkMobile(typed: string, excludeId: number | undefined): Promise<MobileCheck> {
    if (typed.trim() === '') return { ok: true, e164: null, display: null, duplicates: [] };
    const reading = readMobile(typed, (await this.settings.get()).defaultRegion);
    if (!reading.ok) return reading;
    const duplicates = await this.clients.withMobile(reading.e164, excludeId);
    return { ok: true, e164: reading.e164, display: reading.display, duplicates: duplicates.map(toClientSummary) };
  }

  /** E.164, or null for an empty field; a number that cannot take SMS is refused naming the field. */
  private mobileFrom(typed: string | null | undefined, defaultRegion: string): string | null {
    if (typed === undefined || typed === null || typed.trim() === '') return null;
    const reading = readMobile(typed, defaultRegion);
    if (!reading.ok) throw new ApiError('VALIDATION', `mobile: ${reading.message}`, 'mobile');
    return reading.e164;
  }

  private async refuseDuplicate(tx: SqlExecutor, mobile: string, excludeId: number | undefined): Promise<void> {
    const others = await this.clients.withMobile(mobile, excludeId, tx);
    if (others.length === 0) return;
    // Names stay out of the message (messages can end up in logs); clients.checkMobile lists them.
    const who = others.length === 1 ? 'another client already has' : `${others.length} other clients already have`;
    throw new ApiError('CONFLICT', `mobile: ${who} this mobile number; save again allowing the duplicate to go ahead`, 'mobile');
  }

  private async mustGet(tx: SqlExecutor, id: number): Promise<ClientRecord> {
    const record = await this.clients.get(id, tx);
    if (!record) throw new ApiError('NOT_FOUND', `No client with id ${id}`);
    return record;
  }
}

/** The language a new client gets when none is given: the office's, Italian when it follows the computer. */
function officeLanguage(setting: Language | null): Language {
  return setting ?? 'it';
}

function emptyToNull(text: string | null | undefined): string | null {
  return text === undefined || text === null || text === '' ? null : text;
}

const FIELD_COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  mobile: 'mobile',
  email: 'email',
  language: 'language',
  notes: 'notes',
} as const satisfies Record<keyof ClientFields, keyof ClientRecord>;

/** The names (never the values) of the fields that differ: what the audit entry records. */
function changedFields(current: ClientRecord, next: ClientFields): (keyof ClientFields)[] {
  return (Object.keys(FIELD_COLUMNS) as (keyof ClientFields)[]).filter((field) => current[FIELD_COLUMNS[field]] !== next[field]);
}
