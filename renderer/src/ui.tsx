import { Alert, Button, Group, Modal, Select, Table, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useRef, type ReactNode } from 'react';
import {
  Controller,
  type Control,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
} from 'react-hook-form';
import { contract, type OperationName } from '../../electron/shared/contract.ts';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../electron/shared/vocabulary.ts';
import type { UiLanguage } from '../../electron/shared/collation.ts';
import { ApiError, useOperation } from './api.ts';
import { REFUSALS_KK } from './i18n/refusals-kk.ts';
import { isRefusalCode, wordRefusal, type RefusalParams } from '../../electron/shared/refusals/index.ts';
import { wordValue } from './formats.ts';

/** Small pieces every screen uses: the UI language, term labels, refusals shown as sentences. */
export function useLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return (i18n.language as UiLanguage) ?? 'ru';
}

export { termLabel } from '../../electron/shared/vocabulary.ts';

export function termOptions(terms: Record<string, Term>, language: UiLanguage) {
  return Object.entries(terms).map(([value, term]) => ({ value, label: term[language] }));
}

/**
 * The register's refusal in the UI language: the sentence for its code with the values it came with
 * (shared/refusals). Codes not yet in those tables: English and Russian as the core worded them, Kazakh
 * as the sentence for the code followed by the Russian one for those values.
 */
export function refusalText(error: unknown, language: UiLanguage): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const { code, message, messageRu, params } = error.refusal;
  if (isRefusalCode(code)) return wordRefusal(code, wordParams(params ?? {}, language), language);
  if (language === 'en') return message;
  if (language === 'kk' && REFUSALS_KK[code] && messageRu !== REFUSALS_KK[code])
    return `${REFUSALS_KK[code]} (${messageRu})`;
  return messageRu;
}

/** Months, quarters and dates among a refusal's values, in the UI language's words. */
function wordParams(params: RefusalParams, language: UiLanguage): RefusalParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, wordValue(v, language) as string | number]),
  );
}

export function RefusalAlert({ error }: { error: unknown }) {
  const language = useLanguage();
  const { t } = useTranslation();
  if (!error) return null;
  const details = error instanceof ApiError ? error.refusal.details : [];
  return (
    <Alert color="red" role="alert" data-testid="refusal">
      <Text size="sm">{refusalText(error, language)}</Text>
      {details.length > 0 && (
        <Table mt="xs" fz="xs" data-testid="problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.row')}</Table.Th>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {details.map((d, i) => (
              <Table.Tr key={i}>
                <Table.Td>{d.row}</Table.Td>
                <Table.Td>{d.column}</Table.Td>
                <Table.Td>
                  {d.code && isRefusalCode(d.code)
                    ? wordRefusal(d.code, wordParams(d.params ?? {}, language), language)
                    : language === 'en'
                      ? d.message
                      : d.messageRu}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Alert>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <Alert color="teal" role="status" data-testid="notice">
      {children}
    </Alert>
  );
}

/** Asks before a form with unsaved changes is closed. */
export function confirmDiscard(dirty: boolean, text: string): boolean {
  return !dirty || window.confirm(text);
}

/** Month names from the translation files (Chromium may have no Kazakh locale data for Intl). */
export function useMonthNames(): string[] {
  const { t } = useTranslation();
  return t('months', { returnObjects: true }) as unknown as string[];
}

/**
 * A modal for a form: closing it with unsaved changes asks first. The form reports its dirty state through
 * the `setDirty` it is given.
 */
export function FormModal(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  children: (setDirty: (dirty: boolean) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const dirty = useRef(false);
  const setDirty = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);
  const close = () => {
    if (confirmDiscard(dirty.current, t('common.unsavedText'))) {
      dirty.current = false;
      props.onClose();
    }
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title} size={props.size ?? 'lg'}>
      {props.opened && props.children(setDirty)}
    </Modal>
  );
}

function withoutEmpty(value: unknown): unknown {
  if (value === '') return undefined;
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutEmpty(v)]));
  }
  return value;
}

/**
 * The contract's own zod schema as a form resolver. An empty input means "not given": it is dropped before
 * validation, so an empty optional field never blocks a form.
 */
export function contractResolver<T extends FieldValues>(op: OperationName): Resolver<T> {
  const resolve = zodResolver(contract[op] as never) as unknown as Resolver<T>;
  return (values, context, options) => resolve(withoutEmpty(values) as T, context, options);
}

/** Lists the fields a form still refuses, so a submit never fails silently. */
export function FieldErrorsSummary({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const names = Object.keys(errors);
  if (names.length === 0) return null;
  return (
    <Text size="sm" c="red" data-testid="form-errors">
      {t('common.required')}: {names.join(', ')}
    </Text>
  );
}

/** The end of every form: what still blocks it, the register's refusal, and the submit button. */
export function FormFooter(props: {
  errors: FieldErrors;
  error: unknown;
  pending: boolean;
  label: string;
  testId: string;
  color?: string;
}) {
  return (
    <>
      <FieldErrorsSummary errors={props.errors} />
      <RefusalAlert error={props.error} />
      <Group justify="flex-end">
        <Button type="submit" color={props.color} loading={props.pending} data-testid={props.testId}>
          {props.label}
        </Button>
      </Group>
    </>
  );
}

/** Active PPOs as options for a select, labelled "code — short name". */
export function useOrgOptions() {
  const language = useLanguage();
  const orgs = useOperation('orgs.list', { status: 'active', language });
  return (orgs.data ?? []).map(orgOption);
}

/** A PPO in a picker: «code — short name», found by its code, name, short name or BIN. */
export function orgOption(o: { code: string; name: string; shortName: string | null; bin?: string | null }) {
  return { value: o.code, label: `${o.code} — ${o.shortName ?? o.name}`, search: `${o.name} ${o.bin ?? ''}` };
}

/** A select bound to a form field: the value is the option's key; an empty choice means "not given". */
export function SelectField<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  data: Array<{ value: string; label: string }>;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Select
          label={props.label}
          withAsterisk={props.required}
          searchable
          clearable={!props.required}
          data={props.data}
          value={(field.value as string | undefined) ?? null}
          onChange={(v) => field.onChange(v ?? undefined)}
          error={fieldState.error ? t('common.required') : undefined}
          data-testid={props.testId}
        />
      )}
    />
  );
}

/** The branch's name as a print in this language gives it: Kazakh prints use the Kazakh name when it is set. */
export function printedBranchName(
  info: { branchName: string; branchNameKk?: string },
  language: UiLanguage,
): string {
  return language === 'kk' && info.branchNameKk ? info.branchNameKk : info.branchName;
}
