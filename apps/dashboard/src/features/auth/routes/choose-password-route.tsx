/**
 * The first screen of an account staff created: its one-time password opened a session that can
 * do nothing else (the API answers 403 password_change_required) until the person chooses their own.
 */
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/alert';
import { useCurrentUser } from '../api/get-current-user';
import { AuthPage } from '../components/auth-page';
import { ChangePasswordForm } from '../components/change-password-form';
import { LogOutButton } from '../components/log-out-button';
import { safeNext } from './safe-next';

export function ChoosePasswordRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: user } = useCurrentUser();
  const next = safeNext(params.get('next'));

  return (
    <AuthPage
      title="Choose a new password"
      footer={
        <>
          Not {user?.email ?? 'you'}? <LogOutButton className="link-button" />
        </>
      }
    >
      <Alert tone="info">
        Your account was created for you with a one-time password. Replace it with a password only you know to continue to your dashboard.
      </Alert>
      <ChangePasswordForm
        currentLabel="One-time password"
        submitLabel="Set password and continue"
        onChanged={() => navigate(next, { replace: true })}
      />
    </AuthPage>
  );
}
