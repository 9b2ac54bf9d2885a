import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationResult } from '../../../../electron/shared/contract.ts';
import { formatDate, formatTiyn } from '../../../../electron/shared/format.ts';
import { useOperationMutation } from '../../api.ts';
import { formatMonth, formatQuarter } from '../../formats.ts';
import { RefusalAlert, useLanguage } from '../../ui.tsx';
import { UndoNotice } from '../../corrections/Undo.tsx';
import { RemittanceExtras } from './RemittanceLines.tsx';

type Remittance = OperationResult<'dues.list'>[number];

/**
 * One cell's remittances, opened by a click on its sum: each can be corrected (amount, date, document,
 * note) or deleted, and a deletion can be undone at once. In a closed quarter nothing can be changed, and
 * the dialog says why instead of offering buttons that would be refused.
 */
export function CellRemittances(props: {
  cell: { org: string; month: string } | null;
  remittances: Remittance[];
  lockedQuarter: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState({ received: '', receivedOn: '', docNo: '', note: '' });
  const [removed, setRemoved] = useState<{ removalId: number; amount: number } | null>(null);
  // a deletion asks first (amount, date, document), then can still be undone
  const [asking, setAsking] = useState<Remittance | null>(null);
  const update = useOperationMutation('dues.update', { onSuccess: () => setEditing(null) });
  const remove = useOperationMutation('dues.delete', {
    onSuccess: (r, input) => {
      setAsking(null);
      const row = props.remittances.find((x) => x.id === input.id);
      setRemoved({ removalId: r.removalId, amount: row?.receivedTiyn ?? 0 });
    },
  });
  const rows = props.remittances.filter(
    (r) => props.cell && r.orgCode === props.cell.org && r.month === props.cell.month,
  );
  const startEdit = (r: Remittance) => {
    setEditing(r.id);
    setDraft({
      received: formatTiyn(r.receivedTiyn),
      receivedOn: formatDate(r.receivedOn),
      docNo: r.docNo ?? '',
      note: r.note ?? '',
    });
  };
  const close = () => {
    setEditing(null);
    setRemoved(null);
    update.reset();
    remove.reset();
    props.onClose();
  };
  const locked = props.lockedQuarter;
  return (
    <Modal
      opened={props.cell !== null}
      onClose={close}
      size="xl"
      title={
        props.cell
          ? t('dues.detail', { org: props.cell.org, month: formatMonth(props.cell.month, language) })
          : ''
      }
    >
      {locked && (
        <Alert color="gray" mb="sm" data-testid="cell-locked-note">
          {t('dues.lockedWhy', { quarter: formatQuarter(locked, language) })}
        </Alert>
      )}
      <RefusalAlert error={update.error ?? remove.error} />
      {removed && (
        // the same «Отменить» for a few seconds as every deletion (corrections/Undo.tsx)
        <UndoNotice
          key={removed.removalId}
          text={t('dues.deletedAmount', { amount: formatTiyn(removed.amount) })}
          removalId={removed.removalId}
          onGone={() => setRemoved(null)}
          undoTestId="dues-undo"
        />
      )}
      <Table fz="sm" data-testid="dues-detail">
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t('dues.received')}</Table.Th>
            <Table.Th ta="right">{t('dues.payroll')}</Table.Th>
            <Table.Th>{t('dues.receivedOn')}</Table.Th>
            <Table.Th>{t('dues.docNo')}</Table.Th>
            <Table.Th>{t('dues.note')}</Table.Th>
            <Table.Th ta="right">{t('dues.lines')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) =>
            editing === r.id ? (
              <Table.Tr key={r.id} data-testid="dues-edit-row">
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('dues.received')}
                    value={draft.received}
                    onChange={(e) => setDraft({ ...draft, received: e.currentTarget.value })}
                    data-testid="dues-edit-received"
                  />
                </Table.Td>
                <Table.Td ta="right">{r.payrollTiyn !== null ? formatTiyn(r.payrollTiyn) : '—'}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('dues.receivedOn')}
                    placeholder={t('common.datePlaceholder')}
                    value={draft.receivedOn}
                    onChange={(e) => setDraft({ ...draft, receivedOn: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('dues.docNo')}
                    value={draft.docNo}
                    onChange={(e) => setDraft({ ...draft, docNo: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('dues.note')}
                    value={draft.note}
                    onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td ta="right">{r.lines}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      loading={update.isPending}
                      onClick={() =>
                        update.mutate({
                          id: r.id,
                          received: draft.received,
                          receivedOn: draft.receivedOn.trim() || null,
                          docNo: draft.docNo,
                          note: draft.note,
                        })
                      }
                      data-testid="dues-edit-save"
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
              <Table.Tr key={r.id}>
                <Table.Td ta="right">{formatTiyn(r.receivedTiyn)}</Table.Td>
                <Table.Td ta="right">{r.payrollTiyn !== null ? formatTiyn(r.payrollTiyn) : '—'}</Table.Td>
                <Table.Td>{formatDate(r.receivedOn)}</Table.Td>
                <Table.Td>{r.docNo ?? ''}</Table.Td>
                <Table.Td>{r.note ?? ''}</Table.Td>
                <Table.Td ta="right">{r.lines}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      disabled={locked !== null}
                      onClick={() => startEdit(r)}
                      data-testid="dues-edit"
                    >
                      {t('dues.edit')}
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      disabled={locked !== null}
                      loading={remove.isPending && remove.variables?.id === r.id}
                      onClick={() => setAsking(r)}
                      data-testid="dues-delete"
                    >
                      {t('dues.delete')}
                    </Button>
                    <RemittanceExtras remittance={r} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={t('corrections.deleteTitle')}>
        {asking && (
          <Stack>
            <Text size="sm">
              {t('corrections.deleteHelp', {
                amount: formatTiyn(asking.receivedTiyn),
                date: formatDate(asking.receivedOn) || '—',
                doc: asking.docNo ?? '—',
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate({ id: asking.id })}
                data-testid="dues-delete-confirm"
              >
                {t('corrections.deleteYes')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('dues.cellEmpty')}
        </Text>
      )}
    </Modal>
  );
}
