import '@mantine/core/styles.css';
import { Autocomplete, MantineProvider, MultiSelect, Select, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App.tsx';
import './app.css';
import { foldedOptionsFilter } from './search.ts';
import { PrintRoot, printBranch, printRange, printRoute } from './print/PrintRoot.tsx';
import { useHash } from './route.ts';
import './i18n/index.ts';

// Under a strict Content-Security-Policy zod must not probe for eval (it would log a CSP violation).
z.config({ jitless: true });

const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, sans-serif',
  // every picker finds what people type the way they type it (search.ts)
  components: {
    Select: Select.extend({ defaultProps: { filter: foldedOptionsFilter } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { filter: foldedOptionsFilter } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { filter: foldedOptionsFilter } }),
  },
});
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/** A print view (`#/print/…`) is a page of its own, without the app's frame; everything else is the app. */
function Root() {
  const hash = useHash();
  const print = printRoute(hash);
  return print ? <PrintRoot route={print} branch={printBranch(hash)} range={printRange(hash)} /> : <App />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <Root />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
