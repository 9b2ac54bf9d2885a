import { Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, invalidateAfter, useOperation } from '../../api.ts';
import { Notice, RefusalAlert } from '../../ui.tsx';
import { BackupsFolder } from './BackupsFolder.tsx';
import { Backups } from './Backups.tsx';
import { Rates } from './Rates.tsx';

export function Settings() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const info = useOperation('register.info', {});
  const [profile, setProfile] = useState({
    branchCode: '',
    branchName: '',
    branchNameKk: '',
    region: '',
    chair: '',
    phone: '',
    appealDueDays: 30,
    packageDueDays: 15,
    updateUrl: '',
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
    onSuccess: () => void invalidateAfter(client, 'settings.update'),
  });
  const field = (
    key: 'branchCode' | 'branchName' | 'branchNameKk' | 'region' | 'chair' | 'phone' | 'updateUrl',
  ) => ({
    value: profile[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      setProfile({ ...profile, [key]: e.currentTarget.value }),
  });
  return (
    <Stack maw={860}>
      <SimpleGrid cols={2}>
        <TextInput label={t('settings.branchCode')} {...field('branchCode')} />
        <TextInput label={t('settings.branchName')} {...field('branchName')} data-testid="settings-branch" />
        <TextInput
          label={t('settings.branchNameKk')}
          {...field('branchNameKk')}
          data-testid="settings-branch-kk"
        />
        <TextInput label={t('settings.region')} {...field('region')} />
        <TextInput label={t('settings.chair')} {...field('chair')} />
        <TextInput label={t('settings.phone')} {...field('phone')} />
        <BackupsFolder folder={info.data?.backupsDir ?? ''} />
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
      <Rates today={info.data?.today} />
      <Group>
        {info.data && (
          <Text size="sm" c="dimmed">
            {info.data.file} · v{info.data.schemaVersion}
          </Text>
        )}
      </Group>
      <Backups />
    </Stack>
  );
}
