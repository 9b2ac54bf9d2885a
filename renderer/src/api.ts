import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { OperationInput, OperationName, SURFACE } from '../../electron/shared/contract.ts';
import type { Envelope } from '../../electron/shared/envelope.ts';
import type { OperationResult } from '../../electron/shared/contract.ts';

/**
 * The renderer's only way to the register. In Electron the preload exposes `window.api` (one method per
 * operation, over IPC); in the web preview the same operations go over HTTP to 127.0.0.1 with the token
 * from the page's URL. Both return the same envelope, so screens never know which one they use. A long
 * operation's `{done, total}` reaches `onProgress` over either (IPC events by call id; JSON lines).
 */
export interface Progress {
  done: number;
  total: number;
}
type OnProgress = (progress: Progress) => void;
type Transport = (op: OperationName, input: unknown, onProgress?: OnProgress) => Promise<Envelope<unknown>>;

declare global {
  interface Window {
    /** The window's operations only (SURFACE in the contract); the CLI's are not there. */
    api?: Partial<
      Record<OperationName, (input: unknown, onProgress?: OnProgress) => Promise<Envelope<unknown>>>
    >;
  }
}

/** `{"progress":…}` lines while the operation runs, then `{"envelope":…}`. */
async function readProgressLines(res: Response, onProgress: OnProgress): Promise<Envelope<unknown>> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let envelope: Envelope<unknown> | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as {
        progress?: Progress;
        envelope?: Envelope<unknown>;
      };
      buffered = buffered.slice(newline + 1);
      if (line.progress) onProgress(line.progress);
      if (line.envelope) envelope = line.envelope;
    }
    if (done) break;
  }
  if (!envelope) throw new Error('the web preview ended the answer without its envelope');
  return envelope;
}

function httpTransport(): Transport {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return async (op, input, onProgress) => {
    const res = await fetch(`api/${encodeURIComponent(op)}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Aqniet-Token': token,
        ...(onProgress ? { 'X-Aqniet-Progress': '1' } : {}),
      },
      body: JSON.stringify(input ?? {}),
    });
    if (!res.ok) {
      return {
        ok: false,
        code: `http.${res.status}`,
        message: `HTTP ${res.status}`,
        messageRu: `Сервер ответил ${res.status}`,
        details: [],
      };
    }
    if (onProgress) return readProgressLines(res, onProgress);
    return (await res.json()) as Envelope<unknown>;
  };
}

function ipcTransport(bridge: NonNullable<Window['api']>): Transport {
  return async (op, input, onProgress) => {
    const method = bridge[op];
    // not the window's to call (the CLI's): said as the main process would say it
    if (!method) return notForWindow(op);
    return method(input, onProgress);
  };
}

function notForWindow(op: string): Envelope<unknown> {
  return {
    ok: false,
    code: 'ipc.not_for_window',
    message: `The operation "${op}" is not available from the window`,
    messageRu: `Операция «${op}» недоступна из окна программы`,
    params: { op },
    details: [],
  };
}

// Chosen at each call, not once at load: the bridge is the window's as it is now (component tests install
// a new one per register; the page's own never changes).
let http: Transport | undefined;
const transport: Transport = (op, input, onProgress) =>
  window.api
    ? ipcTransport(window.api)(op, input, onProgress)
    : (http ??= httpTransport())(op, input, onProgress);

/** A refusal from the register, thrown so that TanStack Query and forms can show it. */
export class ApiError extends Error {
  constructor(readonly refusal: Extract<Envelope<unknown>, { ok: false }>) {
    super(refusal.message);
  }
}

/** The code of a refusal (undefined for anything else): forms react to the ones that ask a confirmation. */
export function refusalCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.refusal.code : undefined;
}

export async function api<K extends OperationName>(
  op: K,
  input: OperationInput<K>,
  options: { onProgress?: OnProgress } = {},
): Promise<OperationResult<K>> {
  const result = await transport(op, input, options.onProgress);
  if (!result.ok) throw new ApiError(result);
  return result.value as OperationResult<K>;
}

/**
 * A dialog operation (SURFACE's `dialog`: the file is chosen in the main process's native dialog) whose
 * dialog the person closed: nothing was done, and there is nothing to say.
 */
export function wasCancelled(result: unknown): result is { cancelled: true } {
  return (
    typeof result === 'object' && result !== null && (result as { cancelled?: unknown }).cancelled === true
  );
}

type DialogField<K extends OperationName> = (typeof SURFACE)[K] extends { dialog: { field: infer F } }
  ? F
  : never;
export type DialogOperation = {
  [K in OperationName]: (typeof SURFACE)[K] extends { door: 'dialog' } ? K : never;
}[OperationName];

/** A dialog operation from the window: its input without the file, which the native dialog gives. */
export function dialogApi<K extends DialogOperation>(
  op: K,
  input: Omit<OperationInput<K>, DialogField<K> & string>,
): Promise<OperationResult<K> | { cancelled: true }> {
  return api(op, input as OperationInput<K>);
}

/**
 * A read operation as a query, cached under the operation and its input: two screens or charts asking the
 * same thing (an absent option or one left undefined alike) share one request and one cache entry.
 */
export function useOperation<K extends OperationName>(
  op: K,
  input: OperationInput<K>,
  options: { enabled?: boolean } = {},
) {
  return useQuery({ queryKey: [op, input], queryFn: () => api(op, input), ...options });
}

/**
 * What a write can change, by the domain of its operation (`dues.record` → `dues`): the reads of those
 * domains are refetched, nothing else. A write of a domain not listed refreshes every read.
 */
const AFFECTS: Record<string, string[]> = {
  orgs: ['orgs', 'members', 'dues', 'appeals', 'reports', 'history', 'exchange'],
  members: ['members', 'orgs', 'reports', 'history', 'exchange'],
  dues: ['dues', 'reports', 'history', 'exchange'],
  payroll: ['dues', 'reports', 'history', 'exchange'],
  quarters: ['quarters', 'dues', 'reports', 'history', 'exchange'],
  appeals: ['appeals', 'reports', 'history', 'exchange'],
  rates: ['rates', 'dues', 'reports', 'settings'],
  keys: ['keys', 'exchange', 'register'],
  hqKey: ['hqKey', 'keys', 'exchange', 'register'],
};

/** Refetches the reads a write of `op` may have changed (by operation key, see AFFECTS). */
export function invalidateAfter(client: QueryClient, op: OperationName): Promise<void> {
  const domains = AFFECTS[op.split('.')[0]!];
  if (!domains) return client.invalidateQueries();
  return client.invalidateQueries({
    predicate: (q) => domains.includes(String(q.queryKey[0]).split('.')[0]!),
  });
}

/**
 * A write operation as a mutation: typed by the contract, refusals thrown as ApiError, and the reads it
 * may have changed refetched by operation key when it succeeds.
 */
export function useOperationMutation<K extends OperationName>(
  op: K,
  options: { onSuccess?: (result: OperationResult<K>, input: OperationInput<K>) => void } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OperationInput<K>) => api(op, input),
    onSuccess: (result, input) => {
      void invalidateAfter(client, op);
      options.onSuccess?.(result, input);
    },
  });
}
