import { useNavigate } from 'react-router-dom';
import { useLogOut } from '../api/log-out';

/** Ends the session (forgetting everything cached for it) and goes to the login page, even when the server call failed. */
export function LogOutButton({ className }: { className: string }) {
  const logOut = useLogOut();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className={className}
      disabled={logOut.isPending}
      onClick={() => logOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
    >
      Log out
    </button>
  );
}
