import { auditActionGroup, knownAuditActions, type KnownAuditAction } from '../../../../src-main/contract/audit-methods';
import type { MessageKey } from '../../../i18n/messages-en';
import type { MessageVars } from '../../../i18n/translate';

/** The provider's t(), typed here so this module stays free of React (and testable without it). */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

function isKnownAction(action: string): action is KnownAuditAction {
  return (knownAuditActions as readonly string[]).includes(action);
}

/** "Scheda paziente creata"; an action this version does not know: "Consensi: consents.grant". */
export function auditActionLabel(t: Translate, action: string): string {
  if (isKnownAction(action)) return t(`privacy-audit.action.${action}`);
  return t('privacy-audit.unknownAction', { group: t(`privacy-audit.group.${auditActionGroup(action)}`), code: action });
}

const actorKeys: Record<string, MessageKey> = {
  office: 'privacy-audit.actor.office',
  system: 'privacy-audit.actor.system',
  'client by SMS': 'privacy-audit.actor.clientBySms',
};

export function auditActorLabel(t: Translate, actor: string): string {
  const key = Object.hasOwn(actorKeys, actor) ? actorKeys[actor] : undefined;
  return key ? t(key) : actor;
}

const entityKeys: Record<string, MessageKey> = {
  client: 'privacy-audit.entity.client',
  appointment: 'privacy-audit.entity.appointment',
  message: 'privacy-audit.entity.message',
  inbound_message: 'privacy-audit.entity.inbound_message',
  reminder_rule: 'privacy-audit.entity.reminder_rule',
  settings: 'privacy-audit.entity.settings',
  staff: 'privacy-audit.entity.staff',
  room: 'privacy-audit.entity.room',
  privacy_notice: 'privacy-audit.entity.privacy_notice',
  privacy_record: 'privacy-audit.entity.privacy_record',
  retention: 'privacy-audit.entity.retention',
};

/** "Appuntamento n. 12", "Impostazioni", "Pazienti" (an entry on the whole list); empty for none. */
export function auditEntityLabel(t: Translate, entity: string | null, id: number | null): string {
  if (entity === null) return '';
  const key = Object.hasOwn(entityKeys, entity) ? entityKeys[entity] : undefined;
  if (entity === 'client' && id === null) return t('privacy-audit.entity.clients');
  const name = key ? t(key) : entity;
  return id === null ? name : t('privacy-audit.entity.numbered', { entity: name, id });
}
