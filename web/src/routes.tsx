import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AppLayout } from './components/AppLayout';

/** Each page is its own chunk: the sign-in page does not ship the history's code. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  { path: '/dang-nhap', lazy: page(() => import('./pages/SignInPage')) },
  { path: '/dang-nhap/oidc', lazy: page(() => import('./pages/OidcCallbackPage')) },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/viec-can-lam" replace /> },
      { path: 'viec-can-lam', lazy: page(() => import('./pages/InboxPage')) },
      { path: 'de-an', lazy: page(() => import('./pages/ProjectsPage')) },
      { path: 'de-an/dang-ky', lazy: page(() => import('./pages/RegisterProjectPage')) },
      { path: 'de-an/:id', lazy: page(() => import('./pages/ProjectPage')) },
      { path: 'de-an/:id/lich-su', lazy: page(() => import('./pages/HistoryPage')) },
      { path: 'ke-hoach', lazy: page(() => import('./pages/PlansPage')) },
      { path: 'chuong-trinh', lazy: page(() => import('./pages/ProgrammesPage')) },
      { path: 'chuong-trinh/:code', lazy: page(() => import('./pages/ProgrammeReviewPage')) },
      { path: 'bao-cao', lazy: page(() => import('./pages/ReportsPage')) },
      { path: 'quan-tri', lazy: page(() => import('./pages/AdminPage')) },
      { path: '*', lazy: page(() => import('./pages/NotFoundPage')) },
    ],
  },
]);
