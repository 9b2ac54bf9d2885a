import { Button, Card, Group, ScrollArea, Table, Text } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../files.ts';
import { chartPng, copyPng } from './png.ts';

export interface ChartTable {
  header: string[];
  rows: Array<Array<string | number>>;
}

/**
 * A chart with its numbers: the picture on top, the same numbers as a table under it (people who would
 * rather read, and screen readers), and buttons to copy the picture or save it as PNG.
 */
export function ChartCard({
  title,
  fileName,
  table,
  children,
  testId,
}: {
  title: string;
  fileName: string;
  table: ChartTable;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const chart = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');
  const run = (work: (png: Blob) => Promise<void> | void, done: string) => async () => {
    try {
      await work(await chartPng(chart.current!));
      setStatus(done);
    } catch {
      setStatus(t('charts.failed'));
    }
  };
  return (
    <Card withBorder data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title}</Text>
        <Group gap={4}>
          <Text size="xs" c="dimmed" data-testid={`${testId}-status`}>
            {status}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={run(copyPng, t('charts.copied'))}
            data-testid={`${testId}-copy`}
          >
            {t('charts.copy')}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={run((png) => saveBlob(png, `${fileName}.png`), t('charts.saved'))}
            data-testid={`${testId}-png`}
          >
            PNG
          </Button>
        </Group>
      </Group>
      <div ref={chart} style={{ width: '100%', height: 240 }}>
        {children}
      </div>
      <ScrollArea.Autosize mah={170} mt="xs">
        <Table fz="xs" withTableBorder data-testid={`${testId}-table`}>
          <Table.Thead>
            <Table.Tr>
              {table.header.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((r, i) => (
              <Table.Tr key={i}>
                {r.map((c, j) => (
                  <Table.Td key={j} ta={j === 0 ? undefined : 'right'}>
                    {c}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Card>
  );
}
