import { ScrollArea, Select, Table, Text } from '@mantine/core';
import { importFields, type ImportField, type ImportPreview } from '../../../src-main/contract/clients-import-schemas';
import { useI18n } from '../../i18n/i18n-context';

const IGNORE = 'ignore';

interface ImportMappingTableProps {
  preview: ImportPreview;
  mapping: (ImportField | null)[];
  onChange: (mapping: (ImportField | null)[]) => void;
}

/** The file's first rows under its headers, each header with what it fills (changeable). */
export function ImportMappingTable({ preview, mapping, onChange }: ImportMappingTableProps) {
  const { t } = useI18n();
  const options = [
    { value: IGNORE, label: t('clients.import.field.ignore') },
    ...importFields.map((field) => ({ value: field, label: t(`clients.import.field.${field}`) })),
  ];
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table striped withColumnBorders miw={preview.columns.length * 150} data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('clients.import.column.line')}</Table.Th>
            {preview.columns.map((column, index) => (
              <Table.Th key={index} miw={140}>
                <Text size="xs" c="dimmed" mb={2} className="truncate" title={column.header}>
                  {column.header || '—'}
                </Text>
                <Select
                  size="xs"
                  allowDeselect={false}
                  aria-label={t('clients.import.mapColumn', { column: column.header || String(index + 1) })}
                  data={options}
                  value={mapping[index] ?? IGNORE}
                  onChange={(next) => {
                    const field = importFields.find((candidate) => candidate === next) ?? null;
                    // A field goes to one column: choosing it here frees it elsewhere.
                    onChange(mapping.map((current, i) => (i === index ? field : current === field ? null : current)));
                  }}
                />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sample.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td className="tabular" c="dimmed">
                {row.line}
              </Table.Td>
              {preview.columns.map((_, index) => (
                <Table.Td key={index} className="truncate" c={mapping[index] === null ? 'dimmed' : undefined}>
                  {row.values[index] ?? ''}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
