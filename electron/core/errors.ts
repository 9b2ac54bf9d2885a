import {
  isRefusalCode,
  wordRefusal,
  type RefusalCode,
  type RefusalParams,
} from '../shared/refusals/index.ts';

/**
 * A refusal the user can act on. `code` is stable (CLI, tests, logs) and `params` are its exact values: the
 * window words the code in its UI language from `shared/refusals`. `message` (English) and `messageRu` are
 * the same sentence for the CLI and the log. `details` carries per-row problems for imports and packages.
 */
export interface RowProblem {
  row: number;
  /** The file's own column header, or a field name of the contract (worded as its label). */
  column: string;
  message: string;
  messageRu: string;
  code?: string;
  params?: RefusalParams;
}

export class RegisterError extends Error {
  readonly code: string;
  readonly messageRu: string;
  readonly details: RowProblem[];
  readonly params: RefusalParams;
  /** The contract's name of the field the refusal is about, when it is about one. */
  readonly field: string | undefined;

  constructor(
    code: string,
    message: string,
    messageRu: string,
    details: RowProblem[] = [],
    params: RefusalParams = {},
  ) {
    super(message);
    this.name = 'RegisterError';
    this.code = code;
    this.messageRu = messageRu;
    this.details = details;
    this.params = params;
    this.field = typeof params.field === 'string' ? params.field : undefined;
  }
}

/** A refusal by its code and parameters, worded from the shared sentence tables. */
export function refusal(code: RefusalCode, params: RefusalParams = {}, details: RowProblem[] = []) {
  return new RegisterError(
    code,
    wordRefusal(code, params, 'en'),
    wordRefusal(code, params, 'ru'),
    details,
    params,
  );
}

/** One row's problem by code and parameters (for import and package problem lists). */
export function rowProblem(
  row: number,
  column: string,
  code: RefusalCode,
  params: RefusalParams = {},
): RowProblem {
  const all = { field: column, ...params };
  return {
    row,
    column,
    code,
    params: all,
    message: wordRefusal(code, all, 'en'),
    messageRu: wordRefusal(code, all, 'ru'),
  };
}

/**
 * Refuses: `refuse(code, params)` with a code of the shared tables. The older form with the English and
 * Russian sentences written at the call site is being moved onto the tables.
 */
export function refuse(code: RefusalCode, params?: RefusalParams): never;
export function refuse(code: string, message: string, messageRu: string): never;
export function refuse(code: string, second?: RefusalParams | string, messageRu?: string): never {
  if (typeof second === 'string') throw new RegisterError(code, second, messageRu ?? second);
  if (!isRefusalCode(code)) throw new Error(`refusal code ${code} has no sentence`);
  throw refusal(code, second ?? {});
}
