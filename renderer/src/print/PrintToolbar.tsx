import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The screen-only bar above a print view: back to the app, choices, print. */
export function PrintToolbar({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="print-toolbar">
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" onClick={() => window.history.back()} data-testid="print-back">
            ← {t('print.back')}
          </Button>
          {children}
        </Group>
        <Button onClick={() => window.print()} data-testid="print-now">
          {t('print.print')}
        </Button>
      </Group>
    </div>
  );
}
