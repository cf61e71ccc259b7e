import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSignUp } from '../api/sign-up';
import { AuthPage } from '../components/auth-page';
import { CredentialsForm } from '../components/credentials-form';
import { safeNext } from './safe-next';

export function SignupRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const next = safeNext(params.get('next'));

  return (
    <AuthPage
      title="Create your ApiLink account"
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <p className="muted">One key for hundreds of models. Pay as you go with prepaid credits.</p>
      <CredentialsForm
        mode="signup"
        pending={signUp.isPending}
        error={signUp.error}
        onSubmit={(credentials) => signUp.mutate(credentials, { onSuccess: () => navigate(next, { replace: true }) })}
      />
    </AuthPage>
  );
}
