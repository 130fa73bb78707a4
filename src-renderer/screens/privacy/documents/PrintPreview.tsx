import { Button, Group, Modal, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../../i18n/i18n-context';
import { DocumentSheet, PrintableDocument, type PrintableView } from './PrintableDocument';
import './print-document.css';

interface PrintPreviewProps {
  doc: PrintableView | undefined;
  onClose: () => void;
}

/**
 * The document as it will look on paper, and the system's print dialog. While the
 * preview is open, a copy of the document sits at the end of <body>: the print
 * stylesheet puts that copy alone on paper (the app and this dialog stay off it),
 * so long documents break into pages as ordinary text does.
 */
export function PrintPreview({ doc, onClose }: PrintPreviewProps) {
  const { t } = useI18n();
  return (
    <>
      <Modal
        opened={doc !== undefined}
        onClose={onClose}
        fullScreen
        title={t('privacy-documents.preview.title')}
        styles={{ body: { background: 'var(--mantine-color-gray-1)', minHeight: 'calc(100vh - 60px)' } }}
      >
        <Group mt="xs" mb="md" gap="sm">
          <Button
            leftSection={<IconPrinter size={16} />}
            onClick={() => {
              window.print();
            }}
            data-autofocus
          >
            {t('privacy-documents.preview.print')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('privacy-documents.preview.close')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('privacy-documents.preview.hint')}
          </Text>
        </Group>
        {doc && <DocumentSheet doc={doc} />}
      </Modal>
      {doc &&
        createPortal(
          <div className="print-root">
            <PrintableDocument doc={doc} />
          </div>,
          document.body,
        )}
    </>
  );
}
