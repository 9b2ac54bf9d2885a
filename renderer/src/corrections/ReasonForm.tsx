import { Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../ui.tsx';

/**
 * A correction that needs nothing but its reason (annul an event, reopen an appeal or a PPO, remove an
 * appeal registered by mistake): what will happen, the reason, and the button. The reason is required —
 * the register refuses a correction without one — and goes into the history with the change.
 */
export function ReasonForm<T>(props: {
  help: ReactNode;
  label: string;
  testId: string;
  color?: string;
  run: (reason: string) => Promise<T>;
  onDone: (result: T) => void;
  setDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    mutationFn: () => props.run(reason.trim()),
    onSuccess: (result) => {
      void client.invalidateQueries();
      props.onDone(result);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing(true);
        run.mutate();
      }}
    >
      <Stack>
        <Text size="sm">{props.help}</Text>
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
            props.setDirty(e.currentTarget.value.trim() !== '');
          }}
          error={missing ? t('common.required') : undefined}
          data-testid={`${props.testId}-reason`}
          data-autofocus
        />
        <FormFooter
          errors={{}}
          error={run.error}
          pending={run.isPending}
          label={props.label}
          testId={props.testId}
          color={props.color}
        />
      </Stack>
    </form>
  );
}
