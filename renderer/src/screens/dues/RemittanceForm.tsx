import { Checkbox, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../../../electron/shared/contract.ts';
import { formatTiyn } from '../../../../electron/shared/format.ts';
import { IMPLAUSIBLE_REMITTANCE_CODES } from '../../../../electron/shared/refusals/dues.ts';
import { api, invalidateAfter, refusalCode } from '../../api.ts';
import { parseMonthText } from '../../formats.ts';
import { contractResolver, FormFooter, SelectField, useOrgOptions } from '../../ui.tsx';

type Input = OperationInput<'dues.record'>;

/** A remittance with everything the statement says: payroll (for completeness), members, document, date. */
export function RemittanceForm({
  onDone,
  setDirty,
}: {
  onDone: (m: string) => void;
  setDirty: (d: boolean) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const orgOptions = useOrgOptions();
  const form = useForm<Input>({
    resolver: contractResolver('dues.record'),
    defaultValues: { monthsCovered: 1 },
  });
  setDirty(form.formState.isDirty);
  // An amount far above the payroll or the PPO's usual month is written only once the accountant has
  // confirmed it; the box appears after the register has said why, and clears when an amount changes.
  const [askAmount, setAskAmount] = useState(false);
  const unconfirm = { onChange: () => form.setValue('confirmImplausible', false) };
  const record = useMutation({
    mutationFn: (input: Input) => api('dues.record', input),
    onSuccess: (r) => {
      void invalidateAfter(client, 'dues.record');
      onDone(t('dues.recorded', { amount: formatTiyn(r.receivedTiyn) }));
    },
    onError: (e) => {
      if ((IMPLAUSIBLE_REMITTANCE_CODES as readonly string[]).includes(refusalCode(e) ?? ''))
        setAskAmount(true);
    },
  });
  return (
    <form onSubmit={form.handleSubmit((v) => record.mutate({ ...v, month: parseMonthText(v.month) }))}>
      <Stack>
        <SimpleGrid cols={3}>
          <SelectField
            control={form.control}
            name="orgCode"
            label={t('members.org')}
            data={orgOptions}
            required
            testId="remittance-org"
          />
          <TextInput
            label={t('dues.month')}
            withAsterisk
            placeholder="12.2026"
            {...form.register('month')}
            data-testid="remittance-month"
          />
          <Controller
            control={form.control}
            name="monthsCovered"
            render={({ field }) => (
              <NumberInput
                label={t('dues.monthsCovered')}
                min={1}
                max={12}
                value={field.value ?? 1}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : 1)}
              />
            )}
          />
          <TextInput
            label={t('dues.received')}
            withAsterisk
            placeholder="12 345,67"
            {...form.register('received', unconfirm)}
            data-testid="remittance-received"
          />
          <TextInput
            label={t('dues.payroll')}
            placeholder="1 234 567,00"
            {...form.register('payroll', unconfirm)}
            data-testid="remittance-payroll"
          />
          <Controller
            control={form.control}
            name="membersCount"
            render={({ field }) => (
              <NumberInput
                label={t('dues.membersCount')}
                min={0}
                value={field.value ?? ''}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
              />
            )}
          />
          <TextInput
            label={t('dues.receivedOn')}
            placeholder={t('common.datePlaceholder')}
            {...form.register('receivedOn')}
          />
          <TextInput label={t('dues.docNo')} {...form.register('docNo')} data-testid="remittance-doc" />
        </SimpleGrid>
        {askAmount && (
          <Controller
            control={form.control}
            name="confirmImplausible"
            render={({ field }) => (
              <Checkbox
                label={t('dues.confirmImplausible')}
                checked={field.value === true}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
                data-testid="remittance-confirm"
              />
            )}
          />
        )}
        <FormFooter
          errors={form.formState.errors}
          error={record.error}
          pending={record.isPending}
          label={t('common.save')}
          testId="remittance-save"
        />
      </Stack>
    </form>
  );
}
