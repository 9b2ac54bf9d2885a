import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { OperationInput, OperationName } from '../../electron/shared/contract.ts';
import type { Envelope } from '../../electron/shared/envelope.ts';
import type { OperationResult } from '../../electron/shared/contract.ts';

/**
 * The renderer's only way to the register. In Electron the preload exposes `window.api` (one method per
 * operation, over IPC); in the web preview the same operations go over HTTP to 127.0.0.1 with the token
 * from the page's URL. Both return the same envelope, so screens never know which one they use.
 */
type Transport = (op: OperationName, input: unknown) => Promise<Envelope<unknown>>;

declare global {
  interface Window {
    api?: Record<OperationName, (input: unknown) => Promise<Envelope<unknown>>>;
  }
}

function httpTransport(): Transport {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return async (op, input) => {
    const res = await fetch(`api/${encodeURIComponent(op)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Aqniet-Token': token },
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
    return (await res.json()) as Envelope<unknown>;
  };
}

const transport: Transport = window.api ? (op, input) => window.api![op](input) : httpTransport();

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
): Promise<OperationResult<K>> {
  const result = await transport(op, input);
  if (!result.ok) throw new ApiError(result);
  return result.value as OperationResult<K>;
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
