import { http } from '../../../lib/http';
import { authed } from './client';
import type { LoginResult, Me, OtpResult } from './types';

export type LoginBody = { phone: string; password: string } | { phone: string; code: string };

export const authApi = {
  sendOtp: (phone: string) => http.post<OtpResult>('/api/auth/otp', { phone }),
  login: (body: LoginBody) => http.post<LoginResult>('/api/auth/login', body),
  /** Not guarded: the router asks this to learn whether anyone is signed in. */
  me: () => http.get<Me>('/api/auth/me'),
  logout: () => http.post<void>('/api/auth/logout'),
  changePassword: (body: { currentPassword?: string; newPassword: string }) =>
    authed.post<void>('/api/auth/password', body),
};
