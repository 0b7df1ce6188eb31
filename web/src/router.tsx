import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AuthenticatedLayout } from './components/Layout';
import { RouteError } from './pages/RouteError';

// Pages are loaded on first visit, so the login screen does not carry the whole app.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const DebtorsPage = lazy(() => import('./pages/DebtorsPage'));
const DebtorFormPage = lazy(() => import('./pages/DebtorFormPage'));
const DebtorPage = lazy(() => import('./pages/DebtorPage'));
const ClaimsPage = lazy(() => import('./pages/ClaimsPage'));
const ClaimFormPage = lazy(() => import('./pages/ClaimFormPage'));
const ClaimPage = lazy(() => import('./pages/ClaimPage'));
const CreditorsPage = lazy(() => import('./pages/CreditorsPage'));
const CreditorTemplatesPage = lazy(() => import('./pages/CreditorTemplatesPage'));
const CreditorFormPage = lazy(() => import('./pages/CreditorFormPage'));
const InterestPage = lazy(() => import('./pages/InterestPage'));
const RatesPage = lazy(() => import('./pages/RatesPage'));
const ImportsPage = lazy(() => import('./pages/ImportsPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const SkipTracingPage = lazy(() => import('./pages/SkipTracingPage'));
const TimeBarredPage = lazy(() => import('./pages/TimeBarredPage'));
const StrategiesPage = lazy(() => import('./pages/StrategiesPage'));
const StrategyPage = lazy(() => import('./pages/StrategyPage'));
const DunningPage = lazy(() => import('./pages/DunningPage'));
const MailboxPage = lazy(() => import('./pages/MailboxPage'));
const PhoneTasksPage = lazy(() => import('./pages/PhoneTasksPage'));
const DeskPage = lazy(() => import('./pages/DeskPage'));
const PrintPage = lazy(() => import('./pages/PrintPage'));
const GuaranteesPage = lazy(() => import('./pages/guarantees/GuaranteesPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const QueuesPage = lazy(() => import('./pages/desk/QueuesPage'));
const BoardPage = lazy(() => import('./pages/desk/BoardPage'));
const ReconciliationPage = lazy(() => import('./pages/bank/ReconciliationPage'));
const PaymentsPage = lazy(() => import('./pages/payments/PaymentsPage'));
const CommissionPage = lazy(() => import('./pages/commission/CommissionPage'));
const DischargeReportPage = lazy(() => import('./pages/DischargeReportPage'));
const ReportSchedulesPage = lazy(() => import('./pages/reports/ReportSchedulesPage'));
const QueriesPage = lazy(() => import('./pages/QueriesPage'));
const PortalPage = lazy(() => import('./pages/portal/PortalPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <AuthenticatedLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'debtors', element: <DebtorsPage /> },
      { path: 'debtors/new', element: <DebtorFormPage /> },
      { path: 'debtors/:id', element: <DebtorPage /> },
      { path: 'debtors/:id/edit', element: <DebtorFormPage /> },
      { path: 'claims', element: <ClaimsPage /> },
      { path: 'claims/new', element: <ClaimFormPage /> },
      { path: 'claims/:id', element: <ClaimPage /> },
      { path: 'claims/:id/edit', element: <ClaimFormPage /> },
      { path: 'creditors', element: <CreditorsPage /> },
      { path: 'creditors/new', element: <CreditorFormPage /> },
      { path: 'creditors/:id/edit', element: <CreditorFormPage /> },
      { path: 'creditors/:id/templates', element: <CreditorTemplatesPage /> },
      { path: 'interest', element: <InterestPage /> },
      { path: 'rates', element: <RatesPage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: 'imports/:id', element: <ImportPage /> },
      { path: 'skip-tracing', element: <SkipTracingPage /> },
      { path: 'bank', element: <ReconciliationPage /> },
      { path: 'payments', element: <PaymentsPage /> },
      { path: 'commission', element: <CommissionPage /> },
      { path: 'reviews/time-barred', element: <TimeBarredPage /> },
      { path: 'strategies', element: <StrategiesPage /> },
      { path: 'strategies/:id', element: <StrategyPage /> },
      { path: 'dunning', element: <DunningPage /> },
      { path: 'mailbox', element: <MailboxPage /> },
      { path: 'phone-tasks', element: <PhoneTasksPage /> },
      { path: 'work', element: <DeskPage /> },
      { path: 'print', element: <PrintPage /> },
      { path: 'guarantees', element: <GuaranteesPage /> },
      { path: 'work/queues', element: <QueuesPage /> },
      { path: 'work/board', element: <BoardPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'reports/discharge', element: <DischargeReportPage /> },
      { path: 'reports/scheduled', element: <ReportSchedulesPage /> },
      { path: 'queries', element: <QueriesPage /> },
      { path: 'portal', element: <PortalPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
