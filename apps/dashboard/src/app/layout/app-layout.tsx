import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { Brand } from '../../components/brand';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { ChangePasswordDialog } from '../../features/auth/components/change-password-dialog';
import { LogOutButton } from '../../features/auth/components/log-out-button';
import { isStaffRole } from '../../features/admin/staff-context';
import { NavIcon, type NavIconName } from './nav-icons';

const NAV_ITEMS: { to: string; label: string; icon: NavIconName }[] = [
  { to: '/', label: 'Overview', icon: 'overview' },
  { to: '/keys', label: 'API keys', icon: 'keys' },
  { to: '/credits', label: 'Credits', icon: 'credits' },
  { to: '/usage', label: 'Usage', icon: 'usage' },
  { to: '/models', label: 'Models', icon: 'models' },
  { to: '/docs', label: 'Docs', icon: 'docs' },
];

// Support sees the first two; admins all of them. The API enforces the same split.
const STAFF_NAV_ITEMS: { to: string; label: string; icon: NavIconName; adminOnly?: boolean }[] = [
  { to: '/staff/users', label: 'Users', icon: 'users' },
  { to: '/staff/requests', label: 'Request lookup', icon: 'requests' },
  { to: '/staff/upstreams', label: 'Upstream accounts', icon: 'upstreams', adminOnly: true },
  { to: '/staff/models', label: 'Model catalog', icon: 'catalog', adminOnly: true },
  { to: '/staff/audit-log', label: 'Audit log', icon: 'audit', adminOnly: true },
];

export function AppLayout() {
  const { data: user } = useCurrentUser();
  const [changingPassword, setChangingPassword] = useState(false);
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const staffItems = isStaffRole(user?.role) ? STAFF_NAV_ITEMS.filter((item) => !item.adminOnly || user?.role === 'admin') : [];

  // The small-screen menu closes once a page is chosen.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Brand />
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? 'Close' : 'Menu'}
        </button>
      </header>
      <aside id="sidebar" className={`sidebar${menuOpen ? ' sidebar--open' : ''}`}>
        <div className="sidebar__inner">
          <Brand />
          <nav className="nav" aria-label="Main">
            {NAV_ITEMS.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.to === '/'} className="nav__link">
                <NavIcon name={item.icon} />
                {item.label}
              </NavLink>
            ))}
          </nav>
          {staffItems.length > 0 ? (
            <nav className="nav nav--staff" aria-labelledby="staff-nav-title">
              <span className="nav__section" id="staff-nav-title">
                Staff
              </span>
              {staffItems.map((item) => (
                <NavLink key={item.to} to={item.to} className="nav__link">
                  <NavIcon name={item.icon} />
                  {item.label}
                </NavLink>
              ))}
            </nav>
          ) : null}
          <div className="sidebar__footer">
            <span className="sidebar__user" data-testid="current-user" title={user?.email}>
              {user?.email}
            </span>
            <button type="button" className="button button--ghost button--small" onClick={() => setChangingPassword(true)}>
              Change password
            </button>
            <LogOutButton className="button button--secondary button--small" />
          </div>
        </div>
      </aside>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
      <main id="main" className="main" tabIndex={-1}>
        <div className="main__inner">
          <Outlet />
        </div>
      </main>
    </div>
  );
}
