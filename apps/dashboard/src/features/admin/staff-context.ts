/** Who is looking at a staff page, handed down by the route guard so pages can hide admin-only actions. */
import type { CurrentUser, UserRole } from '@apilink/contracts';
import { useOutletContext } from 'react-router-dom';

export type StaffRole = Extract<UserRole, 'support' | 'admin'>;

export interface StaffViewer extends CurrentUser {
  role: StaffRole;
}

export interface StaffOutletContext {
  viewer: StaffViewer;
}

export function isStaffRole(role: UserRole | undefined): role is StaffRole {
  return role === 'support' || role === 'admin';
}

export function useStaffViewer(): StaffViewer {
  return useOutletContext<StaffOutletContext>().viewer;
}
