import { createBrowserRouter } from 'react-router-dom';
import { LoadingState } from '../components/query-state';
import { LoginRoute } from '../features/auth/routes/login-route';
import { SignupRoute } from '../features/auth/routes/signup-route';
import { AppLayout } from './layout/app-layout';
import { NotFoundRoute } from './not-found-route';
import { GuestOnly, RequireSession } from './require-session';
import { RouteError } from './route-error';

// Pages load on demand so the login screen does not wait for the chart library.
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    HydrateFallback: () => <LoadingState />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          { path: '/login', element: <LoginRoute /> },
          { path: '/signup', element: <SignupRoute /> },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('../features/overview/routes/overview-route')).OverviewRoute }),
              },
              { path: 'keys', lazy: async () => ({ Component: (await import('../features/keys/routes/keys-route')).KeysRoute }) },
              {
                path: 'credits',
                lazy: async () => ({ Component: (await import('../features/credits/routes/credits-route')).CreditsRoute }),
              },
              {
                path: 'credits/test-checkout/:paymentId',
                lazy: async () => ({ Component: (await import('../features/credits/routes/test-checkout-route')).TestCheckoutRoute }),
              },
              { path: 'usage', lazy: async () => ({ Component: (await import('../features/usage/routes/usage-route')).UsageRoute }) },
              { path: 'models', lazy: async () => ({ Component: (await import('../features/models/routes/models-route')).ModelsRoute }) },
              { path: 'docs', lazy: async () => ({ Component: (await import('../features/docs/routes/docs-route')).DocsRoute }) },
              { path: '*', element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
  },
]);
