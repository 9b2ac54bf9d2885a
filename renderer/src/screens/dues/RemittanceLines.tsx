import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTiyn } from '../../../../electron/shared/format.ts';
import { api, useOperation } from '../../api.ts';
import { HistoryButton } from '../../corrections/History.tsx';
import { UndoNotice } from '../../corrections/Undo.tsx';
import { RefusalAlert } from '../../ui.tsx';

/**
 * A remittance's per-member lines (from the employer's payroll register), each corrected or deleted —
 * a deletion asks first and can be undone for a few seconds — and the remittance's «История изменений».
 * Made to sit in the dues grid's cell dialog beside each remittance.
 */
export function RemittanceExtras(props: {
  remittance: { id: string; orgCode: string; month: string; docNo: string | null; lines: number };
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const r = props.remittance;
  const title = [r.orgCode, r.month, r.docNo].filter(Boolean).join(' · ');
  return (
    <Group gap={4} wrap="nowrap">
      {r.lines > 0 && (
        <Button size="xs" variant="subtle" onClick={() => setOpen(true)} data-testid="remittance-lines">
          {t('corrections.linesOf', { count: r.lines })}
        </Button>
      )}
      <HistoryButton kind="remittance" recordKey={r.id} title={title} size="xs" testId="remittance-history" />
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`${t('corrections.lines')}: ${title}`}
        size="xl"
      >
        {open && <Lines remittanceId={r.id} />}
      </Modal>
    </Group>
  );
}

type Draft = { id: string; fullName: string; salary: string; withheld: string };

function Lines({ remittanceId }: { remittanceId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const lines = useOperation('dues.lines', { remittanceId });
  const [editing, setEditing] = useState<Draft | null>(null);
  const [asking, setAsking] = useState<{ id: string; name: string } | null>(null);
  const [removed, setRemoved] = useState<{ removalId: number; name: string } | null>(null);
  const [notice, setNotice] = useState('');
  const done = () => void client.invalidateQueries();
  const update = useMutation({
    mutationFn: (d: Draft) =>
      api('dues.updateLine', {
        id: d.id,
        fullName: d.fullName,
        salary: d.salary.trim() ? d.salary : null,
        withheld: d.withheld,
      }),
    onSuccess: () => {
      setEditing(null);
      setNotice(t('corrections.lineSaved'));
      done();
    },
  });
  const remove = useMutation({
    mutationFn: (line: { id: string; name: string }) => api('dues.deleteLine', { id: line.id }),
    onSuccess: (r, line) => {
      setAsking(null);
      setRemoved({ removalId: r.removalId, name: line.name });
      done();
    },
  });
  const cell = (key: 'fullName' | 'salary' | 'withheld', label: string) => (
    <TextInput
      size="xs"
      aria-label={label}
      value={editing![key]}
      onChange={(e) => setEditing({ ...editing!, [key]: e.currentTarget.value })}
      data-testid={`line-edit-${key}`}
    />
  );
  return (
    <Stack>
      {removed && (
        <UndoNotice
          key={removed.removalId}
          text={t('corrections.lineDeleted', { name: removed.name })}
          removalId={removed.removalId}
          onGone={() => setRemoved(null)}
        />
      )}
      {notice && !removed && (
        <Text size="sm" c="teal" data-testid="line-notice">
          {notice}
        </Text>
      )}
      <RefusalAlert error={update.error ?? remove.error} />
      <Table fz="sm" data-testid="lines-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('corrections.fullName')}</Table.Th>
            <Table.Th>{t('members.iin')}</Table.Th>
            <Table.Th ta="right">{t('corrections.salary')}</Table.Th>
            <Table.Th ta="right">{t('corrections.withheld')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(lines.data ?? []).map((l) =>
            editing?.id === l.id ? (
              <Table.Tr key={l.id} data-testid="line-row">
                <Table.Td>{cell('fullName', t('corrections.fullName'))}</Table.Td>
                <Table.Td>{l.iin}</Table.Td>
                <Table.Td>{cell('salary', t('corrections.salary'))}</Table.Td>
                <Table.Td>{cell('withheld', t('corrections.withheld'))}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      onClick={() => update.mutate(editing)}
                      loading={update.isPending}
                      data-testid="line-save"
                    >
                      {t('common.save')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setEditing(null)}>
                      {t('common.cancel')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ) : (
              <Table.Tr key={l.id} data-testid="line-row">
                <Table.Td>{l.fullName ?? '—'}</Table.Td>
                <Table.Td>{l.iin}</Table.Td>
                <Table.Td ta="right">{l.salaryTiyn === null ? '—' : formatTiyn(l.salaryTiyn)}</Table.Td>
                <Table.Td ta="right">{formatTiyn(l.withheldTiyn)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() =>
                        setEditing({
                          id: l.id,
                          fullName: l.fullName ?? '',
                          salary: l.salaryTiyn === null ? '' : formatTiyn(l.salaryTiyn),
                          withheld: formatTiyn(l.withheldTiyn),
                        })
                      }
                      data-testid="line-edit"
                    >
                      {t('corrections.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setAsking({ id: l.id, name: l.fullName ?? l.iin })}
                      data-testid="line-delete"
                    >
                      {t('dues.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t('corrections.lineDeleteTitle', { name: asking.name }) : ''}
      >
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => asking && remove.mutate(asking)}
            loading={remove.isPending}
            data-testid="line-delete-confirm"
          >
            {t('corrections.deleteYes')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
