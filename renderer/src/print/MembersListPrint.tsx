import { Checkbox, Group, SegmentedControl } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../electron/shared/format.ts';
import { api, useOperation } from '../api.ts';
import { printedBranchName, useLanguage } from '../ui.tsx';
import { PrintToolbar } from './PrintToolbar.tsx';

const COLUMNS = ['position', 'joinedOn', 'cardNo', 'signature'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * The membership list of a PPO for the chair: union, branch, PPO and date on top, members numbered in the
 * alphabet of the UI language (sorted by the core's shared comparator keys), an empty signature column,
 * the chair's signature line at the end.
 */
export function MembersListPrint({ orgCode }: { orgCode: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [scope, setScope] = useState<'active' | 'all'>('active');
  const [columns, setColumns] = useState<Column[]>([...COLUMNS]);
  const info = useOperation('register.info', {});
  const org = useOperation('orgs.get', { code: orgCode });
  const members = useQuery({
    queryKey: ['members.list', 'print', orgCode, scope, language],
    queryFn: () =>
      api('members.list', { orgCode, status: scope === 'active' ? 'active' : undefined, language }),
  });
  const show = (c: Column) => columns.includes(c);
  const rows = members.data?.rows ?? [];
  return (
    <>
      <PrintToolbar>
        <SegmentedControl
          size="xs"
          value={scope}
          onChange={(v) => setScope(v as 'active' | 'all')}
          data={[
            { value: 'active', label: t('print.activeOnly') },
            { value: 'all', label: t('print.allMembers') },
          ]}
          data-testid="print-scope"
        />
        <Checkbox.Group value={columns} onChange={(v) => setColumns(v as Column[])}>
          <Group gap="sm">
            {COLUMNS.map((c) => (
              <Checkbox
                key={c}
                value={c}
                label={t(`print.col_${c}`)}
                size="xs"
                data-testid={`print-col-${c}`}
              />
            ))}
          </Group>
        </Checkbox.Group>
      </PrintToolbar>
      <div
        className="print-page"
        data-testid="print-page"
        data-ready={members.data && org.data ? 'yes' : 'no'}
      >
        <p className="print-sub">{t('print.union')}</p>
        <p className="print-sub">{info.data && printedBranchName(info.data, language)}</p>
        <h1>{t('print.membersTitle')}</h1>
        <p className="print-sub">
          <b>{org.data?.name}</b> ({orgCode})
        </p>
        <div className="print-meta">
          <span>{t('print.asOf', { date: formatDate(new Date().toISOString().slice(0, 10)) })}</span>
          <span>{t('print.count', { count: rows.length })}</span>
        </div>
        <table className="print">
          <thead>
            <tr>
              <th style={{ width: '9mm' }}>№</th>
              <th>{t('print.col_name')}</th>
              {show('position') && <th style={{ width: '34mm' }}>{t('print.col_position')}</th>}
              {show('joinedOn') && <th style={{ width: '24mm' }}>{t('print.col_joinedOn')}</th>}
              {show('cardNo') && <th style={{ width: '24mm' }}>{t('print.col_cardNo')}</th>}
              {scope === 'all' && <th>{t('print.col_status')}</th>}
              {show('signature') && <th>{t('print.col_signature')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((m, i) => (
              <tr key={m.iin}>
                <td className="num">{i + 1}</td>
                <td>{[m.surname, m.givenName, m.patronymic].filter(Boolean).join(' ')}</td>
                {show('position') && <td>{m.position ?? ''}</td>}
                {show('joinedOn') && <td className="num">{formatDate(m.joinedOn)}</td>}
                {show('cardNo') && <td>{m.cardNo ?? ''}</td>}
                {scope === 'all' && (
                  <td>
                    {m.status === 'active'
                      ? t('print.active')
                      : t('print.exited', { date: formatDate(m.exitedOn) })}
                  </td>
                )}
                {show('signature') && <td className="sign" />}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="print-signer">
          {t('print.chairLine')} ____________________ {org.data?.chairName ?? ''}
        </div>
      </div>
    </>
  );
}
