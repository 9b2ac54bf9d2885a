// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/service.ts';
import type { Register } from '../../electron/core/register.ts';
import { freshRegister } from '../node/helpers.ts';
import { installApi, stubBrowser } from './setup.ts';

let reg: Register;

function wrap(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>{node}</QueryClientProvider>
    </MantineProvider>,
  );
}

beforeAll(() => {
  stubBrowser();
});

afterEach(() => cleanup());

describe('forms and tables over the real register', () => {
  it('the admission form refuses to submit without the decision, then admits', async () => {
    reg = await freshRegister();
    installApi(reg);
    await call(reg, 'orgs.create', { code: 'P001', name: 'ППО больницы' });
    await import('../../renderer/src/i18n/index.ts');
    const { AdmitForm } = await import('../../renderer/src/screens/members/MemberForms.tsx');
    const messages: string[] = [];
    wrap(<AdmitForm onDone={(m) => messages.push(m)} setDirty={() => {}} />);

    fireEvent.click(screen.getByTestId('admit-save'));
    await waitFor(() => expect(screen.getByTestId('form-errors').textContent).toContain('decision'));
    expect((await call(reg, 'members.list', {})).total).toBe(0);

    const fill = (id: string, value: string) =>
      fireEvent.input(screen.getByTestId(id), { target: { value } });
    fill('admit-surname', 'Ізбасарова');
    fill('admit-given', 'Әсел');
    fill('admit-iin', '850525446560');
    fill('admit-application', '01.02.2024');
    fill('decision-body', 'профком');
    fill('decision-no', '3');
    fill('decision-date', '05.02.2024');
    // the two selects: type the value and pick the option
    fireEvent.click(screen.getByTestId('admit-org'));
    fireEvent.click(await screen.findByRole('option', { name: /P001/, hidden: true }));
    fireEvent.click(screen.getByTestId('admit-category'));
    fireEvent.click(await screen.findByRole('option', { name: 'врач', hidden: true }));
    fireEvent.click(screen.getByTestId('admit-save'));

    await waitFor(() => expect(messages).toEqual(['Ізбасарова Әсел принят(а) в ППО P001']));
    expect(await call(reg, 'members.get', { iin: '850525446560' })).toMatchObject({
      category: 'physician',
      joinedOn: '2024-02-05',
    });
  });

  it("shows the register's refusal as a sentence in Russian (an IIN already active)", async () => {
    reg = await freshRegister();
    installApi(reg);
    await call(reg, 'orgs.create', { code: 'P001', name: 'ППО' });
    await call(reg, 'members.admit', {
      orgCode: 'P001',
      surname: 'Ким',
      givenName: 'Елена',
      iin: '850525446560',
      category: 'nursing',
      applicationDate: '2024-01-01',
      decision: { body: 'профком', number: '1', date: '2024-01-02' },
    });
    const { Orgs } = await import('../../renderer/src/screens/orgs/Orgs.tsx');
    wrap(<Orgs />);
    await waitFor(() => expect(screen.getByTestId('orgs-table').textContent).toContain('ППО'));
    expect(screen.getByTestId('orgs-table').textContent).toContain('1'); // one active member
    fireEvent.click(screen.getByTestId('org-create'));
    fireEvent.input(await screen.findByTestId('org-code'), { target: { value: 'P001' } });
    fireEvent.input(screen.getByTestId('org-name'), { target: { value: 'Дубль' } });
    fireEvent.click(screen.getByTestId('org-save'));
    // the machine may be busy: the refusal comes back through a transaction and a re-render
    await waitFor(() => expect(screen.getByTestId('refusal').textContent).toBe('ППО с кодом P001 уже есть'), {
      timeout: 5000,
    });
  });
});
