import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/alert';
import { useLogIn } from '../api/log-in';
import { AuthPage } from '../components/auth-page';
import { CredentialsForm } from '../components/credentials-form';
import { safeNext } from './safe-next';

export function LoginRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const logIn = useLogIn();
  const next = safeNext(params.get('next'));
  const expired = params.get('expired') === '1';

  return (
    <AuthPage
      title="Log in to your account"
      footer={
        <>
          New to ApiLink? <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
        </>
      }
    >
      {expired && !logIn.error ? <Alert tone="info">Your session has ended. Log in again to continue where you were.</Alert> : null}
      <CredentialsForm
        mode="login"
        pending={logIn.isPending}
        error={logIn.error}
        onSubmit={(credentials) => logIn.mutate(credentials, { onSuccess: () => navigate(next, { replace: true }) })}
      />
    </AuthPage>
  );
}
