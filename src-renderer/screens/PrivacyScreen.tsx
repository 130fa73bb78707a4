import { Tabs, Text } from '@mantine/core';
import { IconFileText, IconHistory, IconPackageExport, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { ScreenTitle } from '../shell/ScreenTitle';
import { AuditTab } from './privacy/AuditTab';
import { ConsentsTab } from './privacy/ConsentsTab';
import { DocumentsTab } from './privacy/DocumentsTab';
import { ErasureTab } from './privacy/ErasureTab';
import { ExportTab } from './privacy/ExportTab';

const TABS = ['consents', 'export', 'erasure', 'audit', 'documents'] as const;
type PrivacyTab = (typeof TABS)[number];

/**
 * What the office shows a supervisor: consent per client and purpose, access and
 * portability (exports), erasure and retention, the audit log, and the record of
 * processing with the privacy notice clients are given.
 */
export function PrivacyScreen() {
  const { t } = useI18n();
  const [tab, setTab] = useState<PrivacyTab>('consents');
  return (
    <>
      <ScreenTitle>{t('privacy.title')}</ScreenTitle>
      <Text size="sm" c="dimmed" mb="sm">
        {t('privacy.purpose')}
      </Text>
      <Tabs
        value={tab}
        onChange={(next) => {
          const found = TABS.find((candidate) => candidate === next);
          if (found) setTab(found);
        }}
        keepMounted={false}
      >
        <Tabs.List mb="sm">
          <Tabs.Tab value="consents" leftSection={<IconShieldCheck size={14} />}>
            {t('privacy-consents.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="export" leftSection={<IconPackageExport size={14} />}>
            {t('privacy-export.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="erasure" leftSection={<IconTrash size={14} />}>
            {t('privacy-erasure.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="audit" leftSection={<IconHistory size={14} />}>
            {t('privacy-audit.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFileText size={14} />}>
            {t('privacy-documents.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="consents">
          <ConsentsTab />
        </Tabs.Panel>
        <Tabs.Panel value="export">
          <ExportTab />
        </Tabs.Panel>
        <Tabs.Panel value="erasure">
          <ErasureTab />
        </Tabs.Panel>
        <Tabs.Panel value="audit">
          <AuditTab />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <DocumentsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
