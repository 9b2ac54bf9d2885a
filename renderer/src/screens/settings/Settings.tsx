import { Button, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import { api } from '../../api.ts';
import { Notice, RefusalAlert } from '../../ui.tsx';

const pct = (bp: number) =>
  (bp / 100)
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .replace('.', ',');

export function Settings() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const info = useQuery({ queryKey: ['register.info'], queryFn: () => api('register.info', {}) });
  const rates = useQuery({ queryKey: ['rates.list'], queryFn: () => api('rates.list', {}) });
  const [profile, setProfile] = useState({
    branchCode: '',
    branchName: '',
    region: '',
    chair: '',
    phone: '',
    appealDueDays: 30,
    packageDueDays: 15,
    updateUrl: '',
    backupsDir: '',
  });
  const [rate, setRate] = useState({
    validFrom: '',
    ratePercent: '1',
    sharePpoPercent: '60',
    shareBranchPercent: '30',
    shareCentralPercent: '10',
  });
  useEffect(() => {
    // the editable fields of the register's profile, as stored
    const data = info.data;
    if (data)
      setProfile(
        (p) => Object.fromEntries(Object.keys(p).map((k) => [k, data[k as keyof typeof p]])) as typeof p,
      );
  }, [info.data]);
  const save = useMutation({
    mutationFn: () => api('settings.update', profile),
    onSuccess: () => void client.invalidateQueries(),
  });
  const saveRate = useMutation({
    mutationFn: () => api('rates.set', rate),
    onSuccess: () => void client.invalidateQueries(),
  });
  const field = (
    key: 'branchCode' | 'branchName' | 'region' | 'chair' | 'phone' | 'updateUrl' | 'backupsDir',
  ) => ({
    value: profile[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      setProfile({ ...profile, [key]: e.currentTarget.value }),
  });
  const rateField = (key: keyof typeof rate) => ({
    value: rate[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setRate({ ...rate, [key]: e.currentTarget.value }),
  });
  return (
    <Stack maw={860}>
      <SimpleGrid cols={2}>
        <TextInput label={t('settings.branchCode')} {...field('branchCode')} />
        <TextInput label={t('settings.branchName')} {...field('branchName')} data-testid="settings-branch" />
        <TextInput label={t('settings.region')} {...field('region')} />
        <TextInput label={t('settings.chair')} {...field('chair')} />
        <TextInput label={t('settings.phone')} {...field('phone')} />
        <TextInput label={t('settings.backupsDir')} {...field('backupsDir')} />
        <TextInput label={t('settings.updateUrl')} placeholder="https://…" {...field('updateUrl')} />
        <NumberInput
          label={t('settings.appealDueDays')}
          min={1}
          max={365}
          value={profile.appealDueDays}
          onChange={(v) => typeof v === 'number' && setProfile({ ...profile, appealDueDays: v })}
        />
        {info.data?.kind === 'hq' && (
          <NumberInput
            label={t('settings.packageDueDays')}
            min={0}
            max={120}
            value={profile.packageDueDays}
            onChange={(v) => typeof v === 'number' && setProfile({ ...profile, packageDueDays: v })}
            data-testid="settings-package-days"
          />
        )}
      </SimpleGrid>
      <RefusalAlert error={save.error} />
      <Notice>{save.isSuccess && t('common.saved')}</Notice>
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="settings-save">
          {t('common.save')}
        </Button>
      </Group>
      <Title order={4}>{t('settings.rates')}</Title>
      <Table fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.validFrom')}</Table.Th>
            <Table.Th>{t('settings.rate')}</Table.Th>
            <Table.Th>{t('settings.sharePpo')}</Table.Th>
            <Table.Th>{t('settings.shareBranch')}</Table.Th>
            <Table.Th>{t('settings.shareCentral')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rates.data ?? []).map((r) => (
            <Table.Tr key={r.validFrom}>
              <Table.Td>{formatDate(r.validFrom)}</Table.Td>
              <Table.Td>{pct(r.rateBp)}</Table.Td>
              <Table.Td>{pct(r.sharePpoBp)}</Table.Td>
              <Table.Td>{pct(r.shareBranchBp)}</Table.Td>
              <Table.Td>{pct(r.shareCentralBp)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={5}>
        <TextInput label={t('settings.validFrom')} placeholder="дд.мм.гггг" {...rateField('validFrom')} />
        <TextInput label={t('settings.rate')} {...rateField('ratePercent')} />
        <TextInput label={t('settings.sharePpo')} {...rateField('sharePpoPercent')} />
        <TextInput label={t('settings.shareBranch')} {...rateField('shareBranchPercent')} />
        <TextInput label={t('settings.shareCentral')} {...rateField('shareCentralPercent')} />
      </SimpleGrid>
      <RefusalAlert error={saveRate.error} />
      <Group>
        <Button variant="light" onClick={() => saveRate.mutate()} loading={saveRate.isPending}>
          {t('common.save')}
        </Button>
        {info.data && (
          <Text size="sm" c="dimmed">
            {info.data.file} · v{info.data.schemaVersion}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
