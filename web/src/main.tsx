import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import 'mantine-datatable/styles.css';

import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setUnauthenticatedHandler } from './api/client';
import { createQueryClient, keys } from './api/hooks';
import { Loading } from './components/ui';
import { I18nProvider } from './i18n';
import { LocalizedDates } from './i18n/dates';
import { router } from './router';
import { theme } from './theme';

const queryClient = createQueryClient();

// Any 401 (session expired or revoked): forget the user and everything read with their session;
// the authenticated layout then sends the browser to the login page.
setUnauthenticatedHandler(() => {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.me[0] });
  queryClient.setQueryData(keys.me, null);
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nProvider>
        <LocalizedDates>
          <Notifications position="top-right" />
          <QueryClientProvider client={queryClient}>
            <Suspense fallback={<Loading />}>
              <RouterProvider router={router} />
            </Suspense>
          </QueryClientProvider>
        </LocalizedDates>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
