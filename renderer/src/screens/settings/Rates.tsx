import { Button, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import { api, invalidateAfter, useOperation } from '../../api.ts';
import { ReasonForm } from '../../corrections/ReasonForm.tsx';
import { FormModal, Notice, RefusalAlert } from '../../ui.tsx';

const pct = (bp: number) =>
  (bp / 100)
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .replace('.', ',');

const EMPTY = {
  validFrom: '',
  ratePercent: '1',
  sharePpoPercent: '60',
  shareBranchPercent: '30',
  shareCentralPercent: '10',
  reason: '',
};

/**
 * The dues rate and shares by date. A rate still to come can be put in the form again («Изменить») or
 * deleted, with a reason; one in force is only replaced by a newer one (the register refuses otherwise).
 */
export function Rates({ today }: { today: string | undefined }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rates = useOperation('rates.list', {});
  const [rate, setRate] = useState(EMPTY);
  const [notice, setNotice] = useState('');
  const saveRate = useMutation({
    mutationFn: () => api('rates.set', { ...rate, reason: rate.reason.trim() || undefined }),
    onSuccess: (r) => {
      setNotice(t('corrections.rateSaved', { date: formatDate(r.validFrom) }));
      setRate(EMPTY);
      void invalidateAfter(client, 'rates.set');
    },
  });
  const [deleting, setDeleting] = useState<string | null>(null);
  const rateField = (key: keyof typeof rate) => ({
    value: rate[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setRate({ ...rate, [key]: e.currentTarget.value }),
  });
  const future = (validFrom: string) => today !== undefined && validFrom > today;
  return (
    <Stack>
      <Title order={4}>{t('settings.rates')}</Title>
      <Text size="sm" c="dimmed">
        {t('corrections.ratesHelp')}
      </Text>
      <Table fz="sm" data-testid="rates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.validFrom')}</Table.Th>
            <Table.Th>{t('settings.rate')}</Table.Th>
            <Table.Th>{t('settings.sharePpo')}</Table.Th>
            <Table.Th>{t('settings.shareBranch')}</Table.Th>
            <Table.Th>{t('settings.shareCentral')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rates.data ?? []).map((r) => (
            <Table.Tr key={r.validFrom} data-testid="rate-row">
              <Table.Td>
                {formatDate(r.validFrom)}
                {future(r.validFrom) && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('corrections.rateFuture')})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{pct(r.rateBp)}</Table.Td>
              <Table.Td>{pct(r.sharePpoBp)}</Table.Td>
              <Table.Td>{pct(r.shareBranchBp)}</Table.Td>
              <Table.Td>{pct(r.shareCentralBp)}</Table.Td>
              <Table.Td>
                {future(r.validFrom) && (
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() =>
                        setRate({
                          validFrom: formatDate(r.validFrom),
                          ratePercent: pct(r.rateBp),
                          sharePpoPercent: pct(r.sharePpoBp),
                          shareBranchPercent: pct(r.shareBranchBp),
                          shareCentralPercent: pct(r.shareCentralBp),
                          reason: rate.reason,
                        })
                      }
                      data-testid="rate-edit"
                    >
                      {t('corrections.rateEdit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setDeleting(r.validFrom)}
                      data-testid="rate-delete"
                    >
                      {t('corrections.rateDelete')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={5}>
        <TextInput
          label={t('settings.validFrom')}
          placeholder={t('common.datePlaceholder')}
          {...rateField('validFrom')}
          data-testid="rate-valid-from"
        />
        <TextInput label={t('settings.rate')} {...rateField('ratePercent')} data-testid="rate-percent" />
        <TextInput label={t('settings.sharePpo')} {...rateField('sharePpoPercent')} />
        <TextInput label={t('settings.shareBranch')} {...rateField('shareBranchPercent')} />
        <TextInput label={t('settings.shareCentral')} {...rateField('shareCentralPercent')} />
      </SimpleGrid>
      <TextInput
        label={t('corrections.reason')}
        description={t('corrections.reasonHint')}
        {...rateField('reason')}
        data-testid="rate-reason"
      />
      <RefusalAlert error={saveRate.error} />
      <Notice>{notice}</Notice>
      <Group>
        <Button
          variant="light"
          onClick={() => saveRate.mutate()}
          loading={saveRate.isPending}
          data-testid="rate-save"
        >
          {t('common.save')}
        </Button>
      </Group>
      <FormModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`${t('corrections.rateDelete')}: ${formatDate(deleting)}`}
      >
        {(setDirty) =>
          deleting && (
            <ReasonForm
              help={t('corrections.ratesHelp')}
              label={t('corrections.rateDelete')}
              testId="rate-delete-save"
              color="red"
              run={(reason) => api('rates.delete', { validFrom: deleting, reason })}
              onDone={() => {
                setNotice(t('corrections.rateDeleted', { date: formatDate(deleting) }));
                setDeleting(null);
              }}
              setDirty={setDirty}
            />
          )
        }
      </FormModal>
    </Stack>
  );
}
