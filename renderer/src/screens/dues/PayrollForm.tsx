import {
  Badge,
  Button,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationResult } from '../../../../electron/shared/contract.ts';
import { formatDate, formatTiyn } from '../../../../electron/shared/format.ts';
import { api, invalidateAfter, useOperation } from '../../api.ts';
import { RefusalAlert, useOrgOptions } from '../../ui.tsx';
import { toBase64 } from '../../files.ts';

type Checked = OperationResult<'payroll.check'>;
type Exception = Checked['exceptions'][number];
const FIELDS = ['iin', 'name', 'salary', 'withheld'] as const;
type Field = (typeof FIELDS)[number];

function ExceptionRow({ e }: { e: Exception }) {
  const { t } = useTranslation();
  const money = (tiyn: number) => `${formatTiyn(tiyn)} ₸`;
  const text =
    e.kind === 'not_member'
      ? t('payroll.notMember', { withheld: money(e.withheldTiyn) })
      : e.kind === 'nothing_withheld'
        ? t('payroll.nothingWithheld')
        : e.kind === 'amount_differs'
          ? t('payroll.amountDiffers', { withheld: money(e.withheldTiyn), expected: money(e.expectedTiyn) })
          : t('payroll.totalDiffers', { withheld: money(e.withheldTiyn), received: money(e.receivedTiyn) });
  return (
    <Table.Tr>
      <Table.Td>{'row' in e ? e.row : ''}</Table.Td>
      <Table.Td ff="monospace">{'iin' in e ? e.iin : ''}</Table.Td>
      <Table.Td>{'name' in e ? e.name : ''}</Table.Td>
      <Table.Td>
        <Badge color={e.kind === 'total_differs' ? 'red' : 'orange'} variant="light" mr="xs">
          {t(`payroll.kind_${e.kind}`)}
        </Badge>
        {text}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The employer's payroll register for a PPO and month: choose the file, confirm which column is which
 * (guessed, or remembered from last time), check — the exceptions are listed — and only then attach.
 */
export function PayrollForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const orgOptions = useOrgOptions();
  const [orgCode, setOrgCode] = useState<string | null>(null);
  const [month, setMonth] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [map, setMap] = useState<Partial<Record<Field, string>>>({});
  const [remittanceId, setRemittanceId] = useState<string | null>(null);
  // Several remittances for the month (an employer that pays in parts): the accountant says which one.
  const monthText = month.trim();
  const remittances = useOperation(
    'dues.list',
    { orgCode: orgCode ?? undefined, year: Number(monthText.slice(0, 4)) },
    { enabled: Boolean(orgCode) && /^\d{4}-\d{2}$/.test(monthText) },
  );
  const ofMonth = (remittances.data ?? []).filter((r) => r.month === monthText);
  const source = async () => ({
    orgCode: orgCode!,
    month: month.trim(),
    content: await toBase64(file!),
    fileName: file!.name,
    map,
    remittanceId: ofMonth.length > 1 ? (remittanceId ?? undefined) : undefined,
  });
  const columns = useMutation({
    mutationFn: async () => api('payroll.columns', { ...(await source()), map: {} }),
    onSuccess: (c) => setMap(c.columns),
  });
  const check = useMutation({ mutationFn: async () => api('payroll.check', await source()) });
  const attach = useMutation({
    mutationFn: async () => api('payroll.attach', await source()),
    onSuccess: (r) => {
      void invalidateAfter(client, 'payroll.attach');
      onDone(t('payroll.attached', { count: r.attached, org: r.orgCode, month: r.month }));
    },
  });
  const ready = Boolean(orgCode && /^\d{4}-\d{2}$/.test(month.trim()) && file);
  const c = check.data;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('payroll.help')}
      </Text>
      <SimpleGrid cols={3}>
        <Select
          label={t('members.org')}
          data={orgOptions}
          value={orgCode}
          onChange={setOrgCode}
          searchable
          data-testid="payroll-org"
        />
        <TextInput
          label={t('payroll.month')}
          placeholder="2024-10"
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          data-testid="payroll-month"
        />
        <FileInput
          label={t('payroll.file')}
          accept=".csv,.xlsx"
          value={file}
          onChange={setFile}
          data-testid="payroll-file"
        />
      </SimpleGrid>
      <Button
        variant="light"
        disabled={!ready}
        onClick={() => columns.mutate()}
        loading={columns.isPending}
        data-testid="payroll-read"
      >
        {t('payroll.readColumns')}
      </Button>
      {columns.data && (
        <SimpleGrid cols={4}>
          {FIELDS.map((field) => (
            <Select
              key={field}
              label={t(`payroll.field_${field}`)}
              data={columns.data.headers}
              value={map[field] ?? null}
              onChange={(v) => setMap({ ...map, [field]: v ?? undefined })}
              clearable={field === 'name' || field === 'salary'}
              data-testid={`payroll-map-${field}`}
            />
          ))}
        </SimpleGrid>
      )}
      {columns.data && ofMonth.length > 1 && (
        <Select
          label={t('payroll.remittance')}
          data={ofMonth.map((r) => ({
            value: r.id,
            label: `${formatTiyn(r.receivedTiyn)} ₸${r.docNo ? ` · № ${r.docNo}` : ''}${r.receivedOn ? ` · ${formatDate(r.receivedOn)}` : ''}`,
          }))}
          value={remittanceId}
          onChange={setRemittanceId}
          data-testid="payroll-remittance"
        />
      )}
      {columns.data && (
        <Button onClick={() => check.mutate()} loading={check.isPending} data-testid="payroll-check">
          {t('payroll.check')}
        </Button>
      )}
      <RefusalAlert error={columns.error ?? check.error ?? attach.error} />
      {c && (
        <Stack gap="xs" data-testid="payroll-result">
          <Text size="sm">
            {t('payroll.summary', {
              lines: c.lineCount,
              withheld: `${formatTiyn(c.totalWithheldTiyn)} ₸`,
              received: `${formatTiyn(c.receivedTiyn)} ₸`,
            })}
          </Text>
          {c.exceptions.length === 0 ? (
            <Text size="sm" c="teal" data-testid="payroll-clean">
              {t('payroll.clean')}
            </Text>
          ) : (
            <Table fz="sm" data-testid="payroll-exceptions">
              <Table.Tbody>
                {c.exceptions.map((e, i) => (
                  <ExceptionRow key={i} e={e} />
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group>
            <Button
              color="teal"
              onClick={() => attach.mutate()}
              loading={attach.isPending}
              data-testid="payroll-attach"
            >
              {t('payroll.attach', { count: c.lineCount })}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
