import { Checkbox, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../../../electron/shared/contract.ts';
import { EXIT_REASONS, STAFF_CATEGORIES } from '../../../../electron/shared/vocabulary.ts';
import { api, invalidateAfter, refusalCode } from '../../api.ts';
import {
  contractResolver,
  FormFooter,
  SelectField,
  termOptions,
  useLanguage,
  useOrgOptions,
} from '../../ui.tsx';

/** Whether a (possibly nested) field has a validation error. */
function hasError(errors: FieldErrors, path: string): boolean {
  return (
    path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) !==
    undefined
  );
}

/** An optional code left empty is absent, not an empty (invalid) code. */
const blankToUndefined = (v: string) => (v?.trim() ? v.trim().toUpperCase() : undefined);

interface FormProps {
  onDone: (message: string) => void;
  setDirty: (dirty: boolean) => void;
}

/** The decision block every membership change rests on: body, minutes number, date. */
function DecisionFields({
  register,
  errors,
  prefix = 'decision',
}: {
  register: (name: never) => object;
  errors: FieldErrors;
  prefix?: string;
}) {
  const { t } = useTranslation();
  const req = (name: string) => (hasError(errors, name) ? t('common.required') : undefined);
  return (
    <SimpleGrid cols={3}>
      <TextInput
        label={t('members.decisionBody')}
        withAsterisk
        placeholder="профком"
        {...register(`${prefix}.body` as never)}
        error={req(`${prefix}.body`)}
        data-testid="decision-body"
      />
      <TextInput
        label={t('members.decisionNo')}
        withAsterisk
        {...register(`${prefix}.number` as never)}
        error={req(`${prefix}.number`)}
        data-testid="decision-no"
      />
      <TextInput
        label={t('members.decisionDate')}
        withAsterisk
        placeholder={t('common.datePlaceholder')}
        {...register(`${prefix}.date` as never)}
        error={req(`${prefix}.date`)}
        data-testid="decision-date"
      />
    </SimpleGrid>
  );
}

export function AdmitForm({ onDone, setDirty }: FormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const orgOptions = useOrgOptions();
  type Input = OperationInput<'members.admit'>;
  const form = useForm<Input>({ resolver: contractResolver('members.admit') });
  setDirty(form.formState.isDirty);
  // Under 16 is admitted only on an explicit confirmation: the box appears once the register has said so.
  const [askMinor, setAskMinor] = useState(false);
  const admit = useMutation({
    mutationFn: (input: Input) => api('members.admit', input),
    onSuccess: (m) => {
      void invalidateAfter(client, 'members.admit');
      onDone(t('members.admitted', { name: `${m.surname} ${m.givenName}`, org: m.orgCode }));
    },
    onError: (e) => {
      if (refusalCode(e) === 'member.minor_needs_confirmation') setAskMinor(true);
    },
  });
  const errors = form.formState.errors;
  const req = (name: string) => (hasError(errors, name) ? t('common.required') : undefined);
  return (
    <form onSubmit={form.handleSubmit((v) => admit.mutate(v))}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('members.admitHelp')}
        </Text>
        <SelectField
          control={form.control}
          name="orgCode"
          label={t('members.org')}
          data={orgOptions}
          required
          testId="admit-org"
        />
        <SimpleGrid cols={3}>
          <TextInput
            label={t('members.surname')}
            withAsterisk
            {...form.register('surname')}
            error={req('surname')}
            data-testid="admit-surname"
          />
          <TextInput
            label={t('members.givenName')}
            withAsterisk
            {...form.register('givenName')}
            error={req('givenName')}
            data-testid="admit-given"
          />
          <TextInput label={t('members.patronymic')} {...form.register('patronymic')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput
            label={t('members.iin')}
            withAsterisk
            maxLength={12}
            {...form.register('iin', { onChange: () => form.setValue('confirmMinor', false) })}
            error={req('iin')}
            data-testid="admit-iin"
          />
          <SelectField
            control={form.control}
            name="category"
            label={t('members.category')}
            data={termOptions(STAFF_CATEGORIES, language)}
            required
            testId="admit-category"
          />
          <TextInput label={t('members.position')} {...form.register('position')} />
          <TextInput label={t('members.card')} {...form.register('cardNo')} />
          <TextInput label={t('members.phone')} {...form.register('phone')} />
          <TextInput
            label={t('members.fromBranch')}
            {...form.register('fromBranch', { setValueAs: blankToUndefined })}
            data-testid="admit-from-branch"
          />
          <TextInput
            label={t('members.applicationDate')}
            withAsterisk
            placeholder={t('common.datePlaceholder')}
            {...form.register('applicationDate')}
            error={req('applicationDate')}
            data-testid="admit-application"
          />
        </SimpleGrid>
        <DecisionFields register={form.register as never} errors={errors} />
        {askMinor && (
          <Controller
            control={form.control}
            name="confirmMinor"
            render={({ field }) => (
              <Checkbox
                label={t('members.confirmMinor')}
                checked={field.value === true}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
                data-testid="admit-confirm-minor"
              />
            )}
          />
        )}
        <FormFooter
          errors={form.formState.errors}
          error={admit.error}
          pending={admit.isPending}
          label={t('members.admit')}
          testId="admit-save"
        />
      </Stack>
    </form>
  );
}

export function ExitForm({ iin, onDone, setDirty }: FormProps & { iin: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  type Input = OperationInput<'members.exit'>;
  const form = useForm<Input>({
    resolver: contractResolver('members.exit'),
    defaultValues: { iin },
  });
  setDirty(form.formState.isDirty);
  const exit = useMutation({
    mutationFn: (input: Input) =>
      api('members.exit', { ...input, applicationDate: input.applicationDate || undefined }),
    onSuccess: () => {
      void invalidateAfter(client, 'members.exit');
      onDone(t('members.exitDone'));
    },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => exit.mutate(v))}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('members.exitHelp')}
        </Text>
        <SimpleGrid cols={2}>
          <SelectField
            control={form.control}
            name="reason"
            label={t('members.reason')}
            data={termOptions(EXIT_REASONS, language)}
            required
            testId="exit-reason"
          />
          <TextInput
            label={t('members.applicationDate')}
            placeholder={t('common.datePlaceholder')}
            {...form.register('applicationDate')}
            data-testid="exit-application"
          />
        </SimpleGrid>
        <DecisionFields register={form.register as never} errors={errors} />
        <FormFooter
          errors={form.formState.errors}
          error={exit.error}
          pending={exit.isPending}
          label={t('members.exit')}
          testId="exit-save"
          color="red"
        />
      </Stack>
    </form>
  );
}

export function TransferForm({ iin, onDone, setDirty }: FormProps & { iin: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const orgOptions = useOrgOptions();
  type Input = OperationInput<'members.transfer'>;
  const form = useForm<Input>({
    resolver: contractResolver('members.transfer'),
    defaultValues: { iin },
  });
  setDirty(form.formState.isDirty);
  const transfer = useMutation({
    mutationFn: (input: Input) => api('members.transfer', input),
    onSuccess: (m) => {
      void invalidateAfter(client, 'members.transfer');
      onDone(
        m.status === 'active'
          ? t('members.transferDone', { org: m.orgCode })
          : t('members.transferBranchDone', { branch: form.getValues('toBranch') }),
      );
    },
  });
  return (
    <form onSubmit={form.handleSubmit((v) => transfer.mutate(v))}>
      <Stack>
        <SimpleGrid cols={2}>
          <SelectField
            control={form.control}
            name="toOrgCode"
            label={t('members.toOrg')}
            data={orgOptions}
            testId="transfer-org"
          />
          <TextInput
            label={t('members.toBranch')}
            {...form.register('toBranch', { setValueAs: blankToUndefined })}
            data-testid="transfer-branch"
          />
          <TextInput
            label={t('members.transferredOn')}
            withAsterisk
            placeholder={t('common.datePlaceholder')}
            {...form.register('transferredOn')}
            data-testid="transfer-date"
          />
        </SimpleGrid>
        <FormFooter
          errors={form.formState.errors}
          error={transfer.error}
          pending={transfer.isPending}
          label={t('members.transfer')}
          testId="transfer-save"
        />
      </Stack>
    </form>
  );
}
