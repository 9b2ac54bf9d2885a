import { Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationResult } from '../../../../electron/shared/contract.ts';
import { formatDate } from '../../../../electron/shared/format.ts';
import { useOperation } from '../../api.ts';

/**
 * Headquarters reads the branches' registers: on each of its data screens a chooser between the whole
 * union and one branch. The choice follows the person from screen to screen (kept for the session).
 */
const KEY = 'aqniet.hqBranch';

export function useIsHq(): boolean {
  return useOperation('register.info', {}).data?.kind === 'hq';
}

export function useHqBranch() {
  const { t } = useTranslation();
  const hq = useIsHq();
  const [choice, setChoice] = useState<string | null>(() => sessionStorage.getItem(KEY));
  const branches = useOperation('exchange.submissions', {}, { enabled: hq });
  const choose = (value: string | null) => {
    if (value) sessionStorage.setItem(KEY, value);
    else sessionStorage.removeItem(KEY);
    setChoice(value);
  };
  const known = branches.data?.branches ?? [];
  const branch = hq && choice && known.includes(choice) ? choice : undefined;
  const chooser = hq ? (
    <Select
      label={t('hq.branch')}
      placeholder={t('dashboard.wholeUnion')}
      clearable
      data={known}
      value={branch ?? null}
      onChange={choose}
      w={200}
      data-testid="hq-branch"
    />
  ) : null;
  return { hq, branch, chooser };
}

/** The person's record in each branch they were in, as headquarters' snapshots hold them. */
export function MemberBranches({ card }: { card: OperationResult<'members.get'> }) {
  const { t } = useTranslation();
  if (!card.branches) return null;
  return (
    <>
      <Text fw={600}>{t('hq.memberBranches')}</Text>
      <Table fz="sm" data-testid="member-branches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('hq.branch')}</Table.Th>
            <Table.Th>{t('members.org')}</Table.Th>
            <Table.Th>{t('members.joined')}</Table.Th>
            <Table.Th>{t('hq.exited')}</Table.Th>
            <Table.Th>{t('members.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {card.branches.map((b) => (
            <Table.Tr key={b.branch}>
              <Table.Td>{b.branch}</Table.Td>
              <Table.Td>{b.orgCode}</Table.Td>
              <Table.Td>{formatDate(b.joinedOn)}</Table.Td>
              <Table.Td>{formatDate(b.exitedOn)}</Table.Td>
              <Table.Td>{t(`members.${b.status}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
