import { Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../../electron/shared/collation.ts';
import type { OperationInput } from '../../../../electron/shared/contract.ts';
import { formatDate } from '../../../../electron/shared/format.ts';
import { STAFF_CATEGORIES, type StaffCategory } from '../../../../electron/shared/vocabulary.ts';
import { api, invalidateAfter } from '../../api.ts';
import type { OperationResult } from '../../../../electron/core/service.ts';
import { ReasonForm } from '../../corrections/ReasonForm.tsx';
import { FormFooter, termOptions, useLanguage } from '../../ui.tsx';

/**
 * The member card's corrections: «Исправить данные» (surname, names, IIN, position, category, card, phone)
 * and «Отменить последнее событие» (the last admission, exit or transfer annulled). Both ask for the reason
 * the history keeps; neither rewrites history.
 */
type Card = OperationResult<'members.get'>;
type Event = Card['history'][number];

const MEMBERSHIP = new Set([
  'admitted',
  'imported',
  'exited',
  'transferred_out',
  'transferred_in',
  'transferred_to_branch',
  'transferred_from_branch',
]);

/** The membership events that still count, in order (annulled ones and annulments left out). */
function counted(history: Event[]): Event[] {
  return history.filter((e) => MEMBERSHIP.has(e.kind) && !e.annulledBy);
}

/** What «Отменить последнее событие» would annul: the last event, or a transfer's two halves. */
export function lastEvent(history: Event[]): { event: Event; returnsTo: string | null } | null {
  const events = counted(history);
  const last = events.at(-1);
  if (!last) return null;
  const before = events.at(-2);
  if (last.kind === 'transferred_in' && before?.kind === 'transferred_out')
    return { event: last, returnsTo: before.orgCode };
  return { event: last, returnsTo: null };
}

interface Props {
  member: Card;
  onDone: (message: string) => void;
  setDirty: (dirty: boolean) => void;
}

type Field = 'surname' | 'givenName' | 'patronymic' | 'iin' | 'position' | 'phone' | 'cardNo';

export function CorrectForm({ member, onDone, setDirty }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const initial: Record<Field, string> = {
    surname: member.surname,
    givenName: member.givenName,
    patronymic: member.patronymic ?? '',
    iin: member.iin,
    position: member.position ?? '',
    phone: member.phone ?? '',
    cardNo: member.cardNo ?? '',
  };
  const [values, setValues] = useState(initial);
  const [category, setCategory] = useState<StaffCategory>(member.category);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const changed = (f: Field) => values[f].trim() !== initial[f];
  const correct = useMutation({
    mutationFn: () => {
      const input: OperationInput<'members.correct'> = { iin: member.iin, reason: reason.trim() };
      // only what was changed: an untouched field is left as it is
      if (changed('surname')) input.surname = values.surname;
      if (changed('givenName')) input.givenName = values.givenName;
      if (changed('patronymic')) input.patronymic = values.patronymic;
      if (changed('iin')) input.newIin = values.iin.trim();
      if (changed('position')) input.position = values.position;
      if (changed('phone')) input.phone = values.phone;
      if (changed('cardNo')) input.cardNo = values.cardNo;
      if (category !== member.category) input.category = category;
      return api('members.correct', input);
    },
    onSuccess: (m) => {
      void invalidateAfter(client, 'members.correct');
      onDone(t('corrections.corrected', { name: fullName(m) }));
    },
  });
  const input = (f: Field, label: string) => (
    <TextInput
      label={label}
      value={values[f]}
      onChange={(e) => {
        const next = { ...values, [f]: e.currentTarget.value };
        setValues(next);
        setDirty(true);
      }}
      data-testid={`correct-${f}`}
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing(true);
        correct.mutate();
      }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('corrections.correctHelp')}
        </Text>
        <SimpleGrid cols={3}>
          {input('surname', t('members.surname'))}
          {input('givenName', t('members.givenName'))}
          {input('patronymic', t('members.patronymic'))}
        </SimpleGrid>
        <SimpleGrid cols={3}>
          {input('iin', t('corrections.iinFix'))}
          {input('position', t('members.position'))}
          <Select
            label={t('members.category')}
            data={termOptions(STAFF_CATEGORIES, language)}
            value={category}
            onChange={(v) => {
              if (v) setCategory(v as StaffCategory);
              setDirty(true);
            }}
            allowDeselect={false}
            data-testid="correct-category"
          />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          {input('phone', t('members.phone'))}
          {input('cardNo', t('members.card'))}
        </SimpleGrid>
        <Textarea
          label={t('corrections.reason')}
          description={t('corrections.reasonHint')}
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
            setDirty(true);
          }}
          error={missing ? t('common.required') : undefined}
          data-testid="correct-reason"
        />
        <FormFooter
          errors={{}}
          error={correct.error}
          pending={correct.isPending}
          label={t('corrections.correctSave')}
          testId="correct-save"
        />
      </Stack>
    </form>
  );
}

export function AnnulForm({ member, onDone, setDirty }: Props) {
  const { t } = useTranslation();
  const last = lastEvent(member.history);
  if (!last) return <Text>{t('corrections.annulNothing')}</Text>;
  const event = t(`members.event_${last.event.kind}`);
  return (
    <ReasonForm
      help={
        <>
          {t('corrections.annulHelp', { event, date: formatDate(last.event.eventDate) })}
          {last.returnsTo && (
            <>
              <br />
              {t('corrections.annulTransfer', { org: last.returnsTo })}
            </>
          )}
        </>
      }
      label={t('corrections.annulSave')}
      testId="annul-save"
      color="red"
      run={(reason) => api('members.annul', { iin: member.iin, reason })}
      onDone={() => onDone(t('corrections.annulled', { event }))}
      setDirty={setDirty}
    />
  );
}
