import {
  ActionIcon,
  Checkbox,
  Menu,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../../../electron/shared/contract.ts';
import type { OperationResult } from '../../../../electron/core/service.ts';
import { formatDate, formatTiyn } from '../../../../electron/shared/format.ts';
import {
  APPEAL_CATEGORIES,
  APPEAL_CHANNELS,
  LEGAL_KINDS,
  type AppealCategory,
  type AppealChannel,
  type LegalKind,
} from '../../../../electron/shared/vocabulary.ts';
import { api, invalidateAfter } from '../../api.ts';
import { HistoryDialog } from '../../corrections/History.tsx';
import { ReasonForm } from '../../corrections/ReasonForm.tsx';
import { FormFooter, FormModal, termOptions, useLanguage } from '../../ui.tsx';

/**
 * An appeal's corrections from its row menu: any field of an open appeal edited, a closed one reopened
 * with a reason, one registered by mistake removed with a reason (kept in the history, counted nowhere,
 * its number never given again), and its «История изменений».
 */
type Appeal = OperationResult<'appeals.list'>[number];

interface FormProps {
  appeal: Appeal;
  onDone: (message: string) => void;
  setDirty: (dirty: boolean) => void;
}

const money = (tiyn: number | null) => (tiyn === null ? '' : formatTiyn(tiyn));

function EditForm({ appeal, onDone, setDirty }: FormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const initial = {
    receivedOn: formatDate(appeal.receivedOn),
    applicant: appeal.applicant,
    memberIin: appeal.memberIin ?? '',
    orgCode: appeal.orgCode ?? '',
    summary: appeal.summary ?? '',
    assignee: appeal.assignee ?? '',
    dueOn: formatDate(appeal.dueOn),
    legalSum: money(appeal.legalSumTiyn),
  };
  const [v, setV] = useState(initial);
  const [channel, setChannel] = useState<AppealChannel>(appeal.channel);
  const [category, setCategory] = useState<AppealCategory>(appeal.category);
  const [legalKind, setLegalKind] = useState<LegalKind | null>(appeal.legalKind);
  const [collective, setCollective] = useState(appeal.applicantKind === 'collective');
  const [signatories, setSignatories] = useState<number | ''>(appeal.signatories ?? '');
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => {
      const input: OperationInput<'appeals.update'> = {
        year: appeal.year,
        regNo: appeal.regNo,
        reason: reason.trim() || undefined,
      };
      const changed = (k: keyof typeof initial) => v[k].trim() !== initial[k];
      if (changed('receivedOn')) input.receivedOn = v.receivedOn;
      if (changed('applicant')) input.applicant = v.applicant;
      if (changed('memberIin') && v.memberIin.trim()) input.memberIin = v.memberIin.trim();
      if (changed('orgCode') && v.orgCode.trim()) input.orgCode = v.orgCode.trim().toUpperCase();
      if (changed('summary')) input.summary = v.summary;
      if (changed('assignee')) input.assignee = v.assignee;
      if (changed('dueOn')) input.dueOn = v.dueOn;
      if (changed('legalSum') && v.legalSum.trim()) input.legalSum = v.legalSum;
      if (channel !== appeal.channel) input.channel = channel;
      if (category !== appeal.category) input.category = category;
      if (legalKind && legalKind !== appeal.legalKind) input.legalKind = legalKind;
      if (collective !== (appeal.applicantKind === 'collective'))
        input.applicantKind = collective ? 'collective' : 'individual';
      if (signatories !== '' && signatories !== appeal.signatories) input.signatories = signatories;
      return api('appeals.update', input);
    },
    onSuccess: (a) => {
      void invalidateAfter(client, 'appeals.update');
      onDone(t('corrections.appealSaved', { regNo: a.regNo }));
    },
  });
  const text = (k: keyof typeof initial, label: string, placeholder?: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={v[k]}
      onChange={(e) => {
        setV({ ...v, [k]: e.currentTarget.value });
        setDirty(true);
      }}
      data-testid={`appeal-edit-${k}`}
    />
  );
  const select = <T extends string>(
    label: string,
    terms: Parameters<typeof termOptions>[0],
    value: T | null,
    set: (v: T) => void,
    testId: string,
  ) => (
    <Select
      label={label}
      data={termOptions(terms, language)}
      value={value}
      allowDeselect={false}
      onChange={(x) => {
        if (x) set(x as T);
        setDirty(true);
      }}
      data-testid={testId}
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <SimpleGrid cols={3}>
          {text('receivedOn', t('appeals.receivedOn'), t('common.datePlaceholder'))}
          {select(t('appeals.channel'), APPEAL_CHANNELS, channel, setChannel, 'appeal-edit-channel')}
          {select(t('appeals.category'), APPEAL_CATEGORIES, category, setCategory, 'appeal-edit-category')}
        </SimpleGrid>
        <SimpleGrid cols={3}>
          {text('applicant', t('appeals.applicant'))}
          {text('memberIin', t('members.iin'))}
          {text('orgCode', t('members.org'))}
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <Checkbox
            mt="lg"
            label={t('corrections.collective')}
            checked={collective}
            onChange={(e) => {
              setCollective(e.currentTarget.checked);
              setDirty(true);
            }}
          />
          <NumberInput
            label={t('corrections.signatories')}
            min={1}
            value={signatories}
            onChange={(x) => {
              setSignatories(typeof x === 'number' ? x : '');
              setDirty(true);
            }}
          />
          {text('assignee', t('corrections.assignee'))}
        </SimpleGrid>
        <Textarea
          label={t('appeals.summary')}
          autosize
          minRows={2}
          value={v.summary}
          onChange={(e) => {
            setV({ ...v, summary: e.currentTarget.value });
            setDirty(true);
          }}
          data-testid="appeal-edit-summary"
        />
        <SimpleGrid cols={3}>
          {text('dueOn', t('appeals.dueOn'), t('common.datePlaceholder'))}
          {select(t('appeals.legalKind'), LEGAL_KINDS, legalKind, setLegalKind, 'appeal-edit-legal-kind')}
          {text('legalSum', t('appeals.legalSum'))}
        </SimpleGrid>
        <TextInput
          label={t('corrections.reason')}
          description={t('corrections.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="appeal-edit-reason"
        />
        <FormFooter
          errors={{}}
          error={save.error}
          pending={save.isPending}
          label={t('common.save')}
          testId="appeal-edit-save"
        />
      </Stack>
    </form>
  );
}

type Action = 'edit' | 'reopen' | 'remove' | 'history';

/** The «⋯» menu at the end of an appeal's row, with the dialogs it opens. */
export function AppealMenu({ appeal, onDone }: { appeal: Appeal; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const done = (message: string) => {
    setAction(null);
    onDone(message);
  };
  const close = () => setAction(null);
  const key = { year: appeal.year, regNo: appeal.regNo };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" aria-label={t('corrections.edit')} data-testid="appeal-menu">
            ⋯
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {appeal.status !== 'closed' && (
            <Menu.Item onClick={() => setAction('edit')} data-testid="appeal-edit">
              {t('corrections.edit')}
            </Menu.Item>
          )}
          {appeal.status === 'closed' && (
            <Menu.Item onClick={() => setAction('reopen')} data-testid="appeal-reopen">
              {t('corrections.appealReopen')}
            </Menu.Item>
          )}
          <Menu.Item onClick={() => setAction('history')} data-testid="appeal-history">
            {t('corrections.history')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => setAction('remove')} data-testid="appeal-remove">
            {t('corrections.appealRemove')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <FormModal
        opened={action === 'edit'}
        onClose={close}
        title={t('corrections.appealEdit', { regNo: appeal.regNo })}
        size="xl"
      >
        {(setDirty) => <EditForm appeal={appeal} onDone={done} setDirty={setDirty} />}
      </FormModal>
      <FormModal
        opened={action === 'reopen'}
        onClose={close}
        title={t('corrections.appealReopenTitle', { regNo: appeal.regNo })}
      >
        {(setDirty) => (
          <ReasonForm
            help={t('corrections.appealReopenHelp')}
            label={t('corrections.appealReopen')}
            testId="appeal-reopen-save"
            run={(reason) => api('appeals.reopen', { ...key, reason })}
            onDone={(a) => done(t('corrections.appealReopened', { regNo: a.regNo }))}
            setDirty={setDirty}
          />
        )}
      </FormModal>
      <FormModal
        opened={action === 'remove'}
        onClose={close}
        title={t('corrections.appealRemoveTitle', { regNo: appeal.regNo })}
      >
        {(setDirty) => (
          <Stack>
            <Text size="sm" fw={600}>
              {appeal.applicant} · {formatDate(appeal.receivedOn)}
            </Text>
            <ReasonForm
              help={t('corrections.appealRemoveHelp')}
              label={t('corrections.appealRemove')}
              testId="appeal-remove-save"
              color="red"
              run={(reason) => api('appeals.remove', { ...key, reason })}
              onDone={() => done(t('corrections.appealRemoved', { regNo: appeal.regNo }))}
              setDirty={setDirty}
            />
          </Stack>
        )}
      </FormModal>
      <HistoryDialog
        opened={action === 'history'}
        onClose={close}
        kind="appeal"
        recordKey={appeal.regNo}
        year={appeal.year}
        title={`№ ${appeal.regNo}`}
      />
    </>
  );
}
