/**
 * Component tests run the real screens in jsdom with the real core behind `window.api` (a real SQLite file),
 * so a form test checks what a user would: what the screen says and what the register now holds.
 */
import { configure } from '@testing-library/react';
import { callSafely } from '../../electron/core/service.ts';
import type { Register } from '../../electron/core/register.ts';
import { OPERATION_NAMES } from '../../electron/shared/contract.ts';

// The real core answers behind the screens; on a loaded 2-core machine a first answer can take seconds, so
// waitFor allows 10 s (the default 1 s made a passing test fail only when the machine was busy).
configure({ asyncUtilTimeout: 10_000 });

export function installApi(reg: Register): void {
  (window as unknown as { api: Record<string, (input: unknown) => unknown> }).api = Object.fromEntries(
    OPERATION_NAMES.map((op) => [op, (input: unknown) => callSafely(reg, op, input)]),
  );
}

/** What Mantine needs from a browser that jsdom does not have. */
export function stubBrowser(): void {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  window.HTMLElement.prototype.scrollIntoView ??= () => {};
}
