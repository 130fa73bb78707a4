import { Alert, Autocomplete, Button, Checkbox, Group, NumberInput, PasswordInput, Select, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import { baudRates, simulatorBehaviours, smsChannelKinds, type ChannelSettings, type ModemConfig, type SmppConfig } from '../../../src-main/contract/sms-schemas';
import type { MethodOutput } from '../../../src-main/contract/methods';
import { useApi } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { draftFrom, emptyModem, emptySmpp, updateInput, type ChannelDraft } from './sms-channel-draft';

type ChannelTestResult = MethodOutput<'sms.channel.test'>;

/**
 * Chooses and sets up the SMS channel. Secrets are write-only: the form shows
 * whether one is saved, never its value, and sends one only when typed.
 */
export function SmsChannelForm({ settings, onSaved }: { settings: ChannelSettings; onSaved: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [draft, setDraft] = useState<ChannelDraft>(() => draftFrom(settings.config));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<ChannelTestResult>();
  const { config } = draft;
  const modem = config.modem ?? emptyModem;
  const smpp = config.smpp ?? emptySmpp;

  const change = (next: Partial<ChannelDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setSaved(false);
    setTested(undefined);
  };
  const editModem = (next: Partial<ModemConfig>) => change({ config: { ...config, modem: { ...modem, ...next } } });
  const editSmpp = (next: Partial<SmppConfig>) => change({ config: { ...config, smpp: { ...smpp, ...next } } });
  // Validation paths look like "config.smpp.host"; the message is shown under that input.
  const fieldError = (path: string) =>
    error?.code === 'VALIDATION' && error.field === path ? error.message.replace(`${path}: `, '') : undefined;

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const result = await api['sms.channel.update'](updateInput(draft));
      setDraft(draftFrom(result.config));
      setSaved(true);
      onSaved();
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setSaving(false);
    }
  };

  const test = async () => {
    setTesting(true);
    setError(undefined);
    setTested(undefined);
    try {
      setTested(await api['sms.channel.test'](updateInput(draft)));
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setTesting(false);
    }
  };

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event: React.FormEvent<HTMLDivElement>) => {
        event.preventDefault();
        void save();
      }}
    >
      <div>
        <Text size="sm" fw={500} mb={4} id="sms-kind-label">
          {t('smsChannel.kind.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="sms-kind-label"
          value={config.kind}
          data={smsChannelKinds.map((kind) => ({ value: kind, label: t(`smsChannel.kind.${kind}`) }))}
          onChange={(next) => {
            const kind = smsChannelKinds.find((candidate) => candidate === next);
            if (kind) change({ config: { ...config, kind } });
          }}
        />
      </div>

      {config.kind === 'simulator' && (
        <>
          <Text size="sm" c="dimmed">
            {t('smsChannel.simulator.note')}
          </Text>
          <Select
            label={t('smsChannel.simulator.behaviour')}
            allowDeselect={false}
            data={simulatorBehaviours.map((behaviour) => ({ value: behaviour, label: t(`smsChannel.simulator.${behaviour}`) }))}
            value={config.simulator.behaviour}
            onChange={(next) => {
              const behaviour = simulatorBehaviours.find((candidate) => candidate === next);
              if (behaviour) change({ config: { ...config, simulator: { behaviour } } });
            }}
          />
        </>
      )}

      {config.kind === 'modem' && (
        <>
          <ModemPortInput value={modem.port} error={fieldError('config.modem.port')} onChange={(port) => editModem({ port })} />
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label={t('smsChannel.modem.baud')}
              allowDeselect={false}
              data={baudRates.map(String)}
              value={String(modem.baudRate)}
              onChange={(next) => editModem({ baudRate: Number(next) })}
            />
            <PasswordInput
              label={t('smsChannel.modem.pin')}
              inputMode="numeric"
              autoComplete="off"
              placeholder={settings.secrets.simPinSet ? t('smsChannel.secret.set') : ''}
              value={draft.simPin}
              error={fieldError('simPin')}
              onChange={(event) => change({ simPin: event.currentTarget.value })}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('smsChannel.modem.pin.hint')}
          </Text>
        </>
      )}

      {config.kind === 'smpp' && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('smsChannel.smpp.host')} value={smpp.host} error={fieldError('config.smpp.host')} onChange={(event) => editSmpp({ host: event.currentTarget.value })} style={{ gridColumn: 'span 2' }} />
            <NumberInput label={t('smsChannel.smpp.port')} min={1} max={65535} value={smpp.port} error={fieldError('config.smpp.port')} onChange={(next) => editSmpp({ port: Number(next) })} />
            <TextInput label={t('smsChannel.smpp.systemId')} autoComplete="off" value={smpp.systemId} error={fieldError('config.smpp.systemId')} onChange={(event) => editSmpp({ systemId: event.currentTarget.value })} />
            <PasswordInput
              label={t('smsChannel.smpp.password')}
              autoComplete="new-password"
              placeholder={settings.secrets.smppPasswordSet ? t('smsChannel.secret.set') : ''}
              value={draft.smppPassword}
              error={fieldError('smppPassword')}
              onChange={(event) => change({ smppPassword: event.currentTarget.value })}
            />
            <TextInput label={t('smsChannel.smpp.systemType')} value={smpp.systemType} error={fieldError('config.smpp.systemType')} onChange={(event) => editSmpp({ systemType: event.currentTarget.value })} />
          </SimpleGrid>
          <TextInput
            label={t('smsChannel.smpp.sourceAddr')}
            description={t('smsChannel.smpp.sourceAddr.hint')}
            value={smpp.sourceAddr}
            error={fieldError('config.smpp.sourceAddr')}
            onChange={(event) => editSmpp({ sourceAddr: event.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput label={t('smsChannel.smpp.windowSize')} min={1} max={100} value={smpp.windowSize} onChange={(next) => editSmpp({ windowSize: Number(next) })} />
            <NumberInput label={t('smsChannel.smpp.maxPerSecond')} min={1} max={1000} value={smpp.maxMessagesPerSecond} onChange={(next) => editSmpp({ maxMessagesPerSecond: Number(next) })} />
            <Checkbox label={t('smsChannel.smpp.tls')} checked={smpp.tls} onChange={(event) => editSmpp({ tls: event.currentTarget.checked })} mt="xl" />
          </SimpleGrid>
        </>
      )}

      {config.kind !== 'simulator' && settings.secrets.warning && (
        <Alert color="yellow" variant="light" title={t('smsChannel.secret.warning.title')} data-testid="secret-storage-warning">
          {t(`smsChannel.secret.warning.${settings.secrets.warning}`)}
        </Alert>
      )}
      {error && !error.field?.startsWith('config.') && error.field !== 'simPin' && error.field !== 'smppPassword' && <ApiErrorAlert error={error} />}
      <Group gap="sm">
        <Button type="submit" loading={saving}>
          {t('smsChannel.save')}
        </Button>
        <Button variant="default" loading={testing} onClick={() => void test()}>
          {t('smsChannel.test.connection')}
        </Button>
        {saved && (
          <Text size="sm" c="green" role="status">
            <IconCheck size={14} /> {t('smsChannel.saved')}
          </Text>
        )}
      </Group>
      {tested && <ChannelTestReport result={tested} />}
    </Stack>
  );
}

/** What "Test connection" found: connected or not, why, and what the modem or SMSC told. */
function ChannelTestReport({ result }: { result: ChannelTestResult }) {
  const { t } = useI18n();
  const { status, facts } = result;
  return (
    <Alert
      role="status"
      color={status.healthy ? 'green' : 'red'}
      variant="light"
      title={status.healthy ? t('smsChannel.test.ok') : t('smsChannel.test.failed')}
    >
      <Text size="sm">
        {status.detail}
        {status.lastError && !status.detail.includes(status.lastError) ? ` — ${status.lastError}` : ''}
      </Text>
      {facts.map((fact) => (
        <Text size="sm" key={fact.label}>
          {fact.label}: {fact.value}
        </Text>
      ))}
    </Alert>
  );
}

/** The serial port: picked from the list when the computer can list ports, typed otherwise. */
function ModemPortInput({ value, error, onChange }: { value: string; error: string | undefined; onChange: (port: string) => void }) {
  const { t } = useI18n();
  const ports = useApiQuery('sms.ports.list', {});
  const listing = ports.data;
  return (
    <Autocomplete
      label={t('smsChannel.modem.port')}
      description={
        listing && !listing.ok ? t('smsChannel.modem.portsUnavailable', { error: listing.error }) : t('smsChannel.modem.port.hint')
      }
      data={listing?.ok ? listing.ports.map((port) => ({ value: port.path, label: port.manufacturer ? `${port.path} — ${port.manufacturer}` : port.path })) : []}
      value={value}
      error={error}
      onChange={onChange}
    />
  );
}
