import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoadingState } from '../components/query-state';
import { ChoosePasswordRoute } from '../features/auth/routes/choose-password-route';
import { LoginRoute } from '../features/auth/routes/login-route';
import { SignupRoute } from '../features/auth/routes/signup-route';
import { AppLayout } from './layout/app-layout';
import { NotFoundRoute } from './not-found-route';
import { GuestOnly, RequirePasswordChange, RequireSession } from './require-session';
import { RequireStaff } from './require-staff';
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
        element: <RequirePasswordChange />,
        children: [{ path: '/choose-password', element: <ChoosePasswordRoute /> }],
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
              {
                path: 'staff',
                element: <RequireStaff />,
                children: [
                  { index: true, element: <Navigate to="users" replace /> },
                  {
                    path: 'users',
                    lazy: async () => ({ Component: (await import('../features/admin/users/routes/users-route')).UsersRoute }),
                  },
                  {
                    path: 'users/:userId',
                    lazy: async () => ({ Component: (await import('../features/admin/users/routes/user-route')).UserRoute }),
                  },
                  {
                    path: 'requests/:requestId?',
                    lazy: async () => ({ Component: (await import('../features/admin/requests/routes/request-route')).RequestRoute }),
                  },
                  {
                    element: <RequireStaff adminOnly />,
                    children: [
                      {
                        path: 'upstreams',
                        lazy: async () => ({
                          Component: (await import('../features/admin/upstreams/routes/upstreams-route')).UpstreamsRoute,
                        }),
                      },
                      {
                        path: 'models',
                        lazy: async () => ({ Component: (await import('../features/admin/models/routes/catalog-route')).CatalogRoute }),
                      },
                      {
                        // Model ids contain slashes (`openai/gpt-4o-mini`): the rest of the path is the id.
                        path: 'models/*',
                        lazy: async () => ({
                          Component: (await import('../features/admin/models/routes/catalog-model-route')).CatalogModelRoute,
                        }),
                      },
                      {
                        path: 'audit-log',
                        lazy: async () => ({
                          Component: (await import('../features/admin/audit-log/routes/audit-log-route')).AuditLogRoute,
                        }),
                      },
                    ],
                  },
                ],
              },
              { path: '*', element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
  },
]);
