import { Button, Group, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconEdit, IconPrinter } from '@tabler/icons-react';
import { useI18n } from '../../../i18n/i18n-context';

interface DocumentActionsProps {
  onEdit: () => void;
  onPrint: () => void;
  onDownload: (format: 'markdown' | 'html') => void;
  downloading: boolean;
}

/** Edit, print and download, the same for the record and the notice. */
export function DocumentActions({ onEdit, onPrint, onDownload, downloading }: DocumentActionsProps) {
  const { t } = useI18n();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" leftSection={<IconEdit size={14} />} onClick={onEdit}>
        {t('privacy-documents.edit')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={onPrint}>
        {t('privacy-documents.print')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} rightSection={<IconChevronDown size={12} />} loading={downloading}>
            {t('privacy-documents.download')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => onDownload('markdown')}>{t('privacy-documents.download.markdown')} (.md)</Menu.Item>
          <Menu.Item onClick={() => onDownload('html')}>{t('privacy-documents.download.html')} (.html)</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
