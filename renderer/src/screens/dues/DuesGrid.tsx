import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationResult } from '../../../../electron/shared/contract.ts';
import { formatPercent, formatTiyn } from '../../../../electron/shared/format.ts';
import { IMPLAUSIBLE_REMITTANCE_CODES } from '../../../../electron/shared/refusals/dues.ts';
import { ApiError, useOperationMutation } from '../../api.ts';
import { formatMonth, formatQuarter } from '../../formats.ts';
import { refusalText, useLanguage, useMonthNames } from '../../ui.tsx';
import { gridKey, officeMonth, quarterOfMonth, type GridMove } from './grid.ts';
import './grid.css';

type Org = OperationResult<'orgs.list'>[number];
type Remittance = OperationResult<'dues.list'>[number];
type Report = OperationResult<'reports.dues'>;

const IMPLAUSIBLE = new Set<string>(IMPLAUSIBLE_REMITTANCE_CODES);

/** An amount waiting for the accountant's answer: a second payment into a filled cell, or an odd sum. */
type Question = {
  kind: 'duplicate' | 'implausible';
  row: number;
  col: number;
  amount: string;
  move: GridMove;
  message?: string;
};

/**
 * The accountant's month × PPO grid, kept as close to her Excel sheet as a register allows: an amount is
 * saved when she leaves the cell by any key or click; a refused one stays where it was typed with the
 * reason under it; nothing above the grid appears or disappears while she types, so rows never jump.
 */
export function DuesGrid(props: {
  year: number;
  orgs: Org[];
  remittances: Remittance[];
  report: Report | undefined;
  closed: Set<string>;
  onOpen: (org: string, month: string) => void;
  onSaved: (text: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const monthNames = useMonthNames();
  const { year, orgs } = props;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [question, setQuestion] = useState<Question | null>(null);
  // Guards read synchronously by blur handlers, which fire before React has re-rendered.
  const busy = useRef(new Set<string>());
  const asking = useRef(false);
  const scroller = useRef<HTMLDivElement>(null);

  const keyOf = (row: number, col: number) => `${orgs[row]?.code}|${months[col]}`;
  const cellsByKey = new Map<string, Remittance[]>();
  for (const r of props.remittances) {
    const key = `${r.orgCode}|${r.month}`;
    cellsByKey.set(key, [...(cellsByKey.get(key) ?? []), r]);
  }
  const arrears = new Set((props.report?.arrears ?? []).map((a) => `${a.org}|${a.month}`));
  const byOrg = new Map((props.report?.rows ?? []).map((r) => [r.org, r]));
  const byMonth = new Map((props.report?.months ?? []).map((m) => [m.month, m]));
  const lockedQuarter = (month: string) => {
    const q = quarterOfMonth(month);
    return props.closed.has(q) ? q : null;
  };

  // The current quarter in view when the grid opens (its first month just right of the PPO column).
  const current = officeMonth();
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || !current.startsWith(`${year}-`)) return;
    const first = `${year}-${String(Math.floor((Number(current.slice(5)) - 1) / 3) * 3 + 1).padStart(2, '0')}`;
    const th = box.querySelector<HTMLElement>(`[data-month="${first}"]`);
    const sticky = box.querySelector<HTMLElement>('th.dg-org');
    if (th) box.scrollLeft = th.offsetLeft - (sticky?.offsetWidth ?? 0);
  }, [year, current, orgs.length]);

  const focusCell = (move: GridMove) => {
    if (!move) return;
    const input = scroller.current?.querySelector<HTMLInputElement>(`[data-cell="${move.row}-${move.col}"]`);
    input?.focus();
    input?.select();
  };
  const setDraft = (key: string, text: string | undefined) =>
    setDrafts((d) => {
      const next = { ...d };
      if (text === undefined) delete next[key];
      else next[key] = text;
      return next;
    });
  const setError = (key: string, text: string | undefined) =>
    setErrors((e) => {
      const next = { ...e };
      if (text === undefined) delete next[key];
      else next[key] = text;
      return next;
    });

  const record = useOperationMutation('dues.record');
  const update = useOperationMutation('dues.update');

  /** Saves one amount; on success the cell empties and the cursor goes on, on a refusal it stays. */
  const save = async (q: Omit<Question, 'kind'>, how: 'add' | 'replace' | 'confirm', keepFocus: boolean) => {
    const key = keyOf(q.row, q.col);
    const org = orgs[q.row]!;
    const month = months[q.col]!;
    busy.current.add(key);
    try {
      const existing = cellsByKey.get(key) ?? [];
      const result =
        how === 'replace' && existing.length === 1
          ? await update.mutateAsync({ id: existing[0]!.id, received: q.amount })
          : await record.mutateAsync({
              orgCode: org.code,
              month,
              received: q.amount,
              confirmImplausible: how === 'confirm',
            });
      setDraft(key, undefined);
      setError(key, undefined);
      props.onSaved(
        t('dues.cellSaved', {
          org: org.code,
          month: formatMonth(month, language),
          amount: formatTiyn(result.receivedTiyn),
        }),
      );
      if (keepFocus) focusCell(q.move);
    } catch (error) {
      if (error instanceof ApiError && IMPLAUSIBLE.has(error.refusal.code)) {
        asking.current = true;
        setQuestion({ ...q, kind: 'implausible', message: refusalText(error, language) });
        return;
      }
      setError(key, refusalText(error, language));
      if (keepFocus) focusCell({ row: q.row, col: q.col });
    } finally {
      busy.current.delete(key);
    }
  };

  /** What leaving a cell does with what was typed in it. */
  const commit = (row: number, col: number, text: string, move: GridMove, keepFocus: boolean) => {
    const key = keyOf(row, col);
    const amount = text.trim();
    if (busy.current.has(key) || asking.current) return;
    if (!amount) {
      if (keepFocus) focusCell(move);
      return;
    }
    if ((cellsByKey.get(key) ?? []).length > 0) {
      asking.current = true;
      setQuestion({ kind: 'duplicate', row, col, amount, move });
      return;
    }
    void save({ row, col, amount, move }, 'add', keepFocus);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = e.currentTarget;
    const action = gridKey(
      e,
      { row, col, rows: orgs.length, cols: months.length },
      { start: input.selectionStart, end: input.selectionEnd, length: input.value.length },
    );
    if (action.kind === 'none') return;
    e.preventDefault();
    const key = keyOf(row, col);
    if (action.kind === 'undo') {
      setDraft(key, undefined);
      setError(key, undefined);
      return;
    }
    if (input.readOnly) return focusCell(action.move);
    commit(row, col, input.value, action.move, true);
  };

  const answer = (how: 'add' | 'replace' | 'confirm' | 'cancel') => {
    const q = question!;
    asking.current = false;
    setQuestion(null);
    if (how === 'cancel') {
      if (q.kind === 'duplicate') setDraft(keyOf(q.row, q.col), undefined);
      focusCell({ row: q.row, col: q.col });
      return;
    }
    void save(q, how, true);
  };

  const duplicateCell =
    question?.kind === 'duplicate' ? (cellsByKey.get(keyOf(question.row, question.col)) ?? []) : [];

  return (
    <>
      <div ref={scroller} className="dg-scroll" data-testid="dues-grid-scroll">
        <table className="dg" data-testid="dues-grid">
          <thead>
            <tr>
              <th className="dg-org">{t('dues.ppo')}</th>
              {months.map((m, i) => {
                const locked = lockedQuarter(m);
                return (
                  <th key={m} data-month={m} className={locked ? 'dg-locked-head' : undefined}>
                    {monthNames[i]}
                    {locked && <div className="dg-lock-note">{t('dues.lockedShort')}</div>}
                  </th>
                );
              })}
              <th className="dg-sum">{t('dues.yearTotal')}</th>
              <th className="dg-sum">{t('dues.completeness')}</th>
            </tr>
          </thead>
          <tbody>
            {orgs.map((org, row) => {
              const total = byOrg.get(org.code);
              return (
                <tr key={org.id}>
                  <th className="dg-org" scope="row" title={org.name}>
                    <span className="dg-code">{org.code}</span>
                    <span className="dg-name">{org.shortName ?? org.name}</span>
                  </th>
                  {months.map((month, col) => {
                    const key = `${org.code}|${month}`;
                    const cell = cellsByKey.get(key) ?? [];
                    const sum = cell.reduce((s, r) => s + r.receivedTiyn, 0);
                    const locked = lockedQuarter(month);
                    const error = errors[key];
                    const why =
                      error ??
                      (locked
                        ? t('dues.lockedWhy', { quarter: formatQuarter(locked, language) })
                        : undefined);
                    const noteId = `dg-note-${row}-${col}`;
                    return (
                      <td
                        key={month}
                        className={[
                          'dg-cell',
                          locked ? 'dg-locked' : '',
                          error ? 'dg-refused' : '',
                          arrears.has(key) ? 'dg-arrears' : '',
                        ].join(' ')}
                      >
                        {cell.length > 0 && (
                          <button
                            type="button"
                            tabIndex={-1}
                            className="dg-sum-button"
                            data-testid={`sum-${org.code}-${month}`}
                            title={t('dues.openCell')}
                            onClick={() => props.onOpen(org.code, month)}
                          >
                            {formatTiyn(sum)}
                            {cell.length > 1 && <span className="dg-count">×{cell.length}</span>}
                          </button>
                        )}
                        <input
                          data-cell={`${row}-${col}`}
                          aria-label={`${org.code} ${formatMonth(month, language)}`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={why ? noteId : undefined}
                          readOnly={locked !== null}
                          inputMode="decimal"
                          autoComplete="off"
                          value={drafts[key] ?? ''}
                          onChange={(e) => {
                            setDraft(key, e.currentTarget.value);
                            if (error) setError(key, undefined);
                          }}
                          onKeyDown={(e) => onKeyDown(e, row, col)}
                          onBlur={(e) => {
                            if (!locked) commit(row, col, e.currentTarget.value, null, false);
                          }}
                        />
                        {why && (
                          <div
                            id={noteId}
                            className={error ? 'dg-note dg-note-error' : 'dg-note'}
                            role={error ? 'alert' : undefined}
                            data-testid={error ? 'cell-refusal' : 'cell-locked'}
                          >
                            {why}
                          </div>
                        )}
                      </td>
                    );
                  })}
                  <td className="dg-sum" data-testid={`org-total-${org.code}`}>
                    {total ? formatTiyn(total.receivedTiyn) : ''}
                  </td>
                  <td
                    className={`dg-sum ${(total?.completeness ?? 0) >= 0.95 ? 'dg-good' : 'dg-short'}`}
                    data-testid={`org-completeness-${org.code}`}
                  >
                    {formatPercent(total?.completeness ?? null)}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th className="dg-org" scope="row">
                {t('common.total')}
              </th>
              {months.map((m) => {
                const s = byMonth.get(m);
                return (
                  <td key={m} className="dg-sum" data-testid={`month-total-${m}`}>
                    {s && s.receivedTiyn > 0 ? formatTiyn(s.receivedTiyn) : ''}
                    {s && s.expectedTiyn > 0 && (
                      <div className="dg-pct">
                        {formatPercent(Math.round((s.receivedTiyn / s.expectedTiyn) * 1000) / 1000)}
                      </div>
                    )}
                  </td>
                );
              })}
              <td className="dg-sum" data-testid="year-total">
                {props.report ? formatTiyn(props.report.total.receivedTiyn) : ''}
              </td>
              <td className="dg-sum" data-testid="year-completeness">
                {formatPercent(props.report?.total.completeness ?? null)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Modal
        opened={question !== null}
        onClose={() => answer('cancel')}
        returnFocus={false}
        trapFocus
        title={question?.kind === 'duplicate' ? t('dues.duplicateTitle') : t('dues.implausibleTitle')}
        data-testid="cell-question"
      >
        {question && (
          <Stack>
            <Text size="sm" data-testid="cell-question-text">
              {question.kind === 'duplicate'
                ? t('dues.duplicateText', {
                    org: orgs[question.row]?.code,
                    month: formatMonth(months[question.col]!, language),
                    sum: formatTiyn(duplicateCell.reduce((s, r) => s + r.receivedTiyn, 0)),
                    amount: question.amount,
                  })
                : question.message}
            </Text>
            {question.kind === 'duplicate' && duplicateCell.length > 1 && (
              <Text size="xs" c="dimmed">
                {t('dues.replaceSeveral')}
              </Text>
            )}
            <Group justify="flex-end" gap="xs">
              {question.kind === 'duplicate' ? (
                <>
                  <Button onClick={() => answer('add')} data-testid="cell-add">
                    {t('dues.addAnother')}
                  </Button>
                  <Button
                    variant="light"
                    onClick={() => answer('replace')}
                    disabled={duplicateCell.length !== 1}
                    data-testid="cell-replace"
                  >
                    {t('dues.replace')}
                  </Button>
                </>
              ) : (
                <Button color="orange" onClick={() => answer('confirm')} data-testid="cell-confirm">
                  {t('dues.confirmAmount')}
                </Button>
              )}
              {/* Cancel has the focus: Enter never adds a second payment unasked. */}
              <Button
                data-autofocus
                variant="default"
                onClick={() => answer('cancel')}
                data-testid="cell-cancel"
              >
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
