import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { HistoryButton } from '../../corrections/History.tsx';
import { ReasonForm } from '../../corrections/ReasonForm.tsx';
import { FormModal } from '../../ui.tsx';
import { useIsHq } from '../hq/HqBranch.tsx';

/** A PPO's card: its «История изменений», and a closed PPO reopened with a reason. */
export function OrgCorrections(props: {
  org: { code: string; name: string; status: string };
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const hq = useIsHq();
  const [reopening, setReopening] = useState(false);
  const { code } = props.org;
  if (hq) return null;
  return (
    <Group gap="xs">
      {props.org.status === 'closed' && (
        <Button variant="light" color="teal" onClick={() => setReopening(true)} data-testid="org-reopen">
          {t('corrections.orgReopen')}
        </Button>
      )}
      <HistoryButton kind="org" recordKey={code} title={`${code} — ${props.org.name}`} testId="org-history" />
      <FormModal opened={reopening} onClose={() => setReopening(false)} title={t('corrections.orgReopen')}>
        {(setDirty) => (
          <ReasonForm
            help={t('corrections.orgReopenHelp')}
            label={t('corrections.orgReopen')}
            testId="org-reopen-save"
            run={(reason) => api('orgs.reopen', { code, reason })}
            onDone={() => {
              setReopening(false);
              props.onDone(t('corrections.orgReopened', { code }));
            }}
            setDirty={setDirty}
          />
        )}
      </FormModal>
    </Group>
  );
}
