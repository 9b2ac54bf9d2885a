import { Button, Group, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dialogApi } from './api.ts';
import { useHash } from './route.ts';
import { RefusalAlert } from './ui.tsx';

/** The hash File → New sets: the form opens over whatever screen is shown. */
export const NEW_REGISTER_HASH = '#/new-register';

/**
 * File → New: whose register it is (a branch or headquarters), its code and name; «Выбрать файл и
 * создать…» asks for the file in the native save dialog, and the app then works in the new register.
 */
export function NewRegister() {
  const { t } = useTranslation();
  const opened = useHash() === NEW_REGISTER_HASH;
  const [kind, setKind] = useState<'branch' | 'hq'>('branch');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const close = () => (window.location.hash = '#/');
  const create = useMutation({
    mutationFn: () => dialogApi('register.create', { kind, code: code.trim().toUpperCase(), name }),
  });
  return (
    <Modal opened={opened} onClose={close} title={t('shell.newTitle')} data-testid="new-register">
      <Stack>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as 'branch' | 'hq')}
          data={[
            { value: 'branch', label: t('shell.newBranch') },
            { value: 'hq', label: t('shell.newHq') },
          ]}
          aria-label={t('shell.newKind')}
          data-testid="new-register-kind"
        />
        <TextInput
          label={t('shell.newCode')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          data-testid="new-register-code"
        />
        <TextInput
          label={t('shell.newName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="new-register-name"
        />
        <RefusalAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => create.mutate()}
            loading={create.isPending}
            disabled={!code.trim() || !name.trim()}
            data-testid="new-register-create"
          >
            {t('shell.newCreate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
