import type { ReactNode } from 'react';
import { Brand } from '../../../components/brand';

export function AuthPage({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="auth">
      <div className="auth__panel">
        <Brand to="/login" />
        <div className="auth__card">
          <h1>{title}</h1>
          {children}
        </div>
        <p className="auth__switch">{footer}</p>
      </div>
    </main>
  );
}
