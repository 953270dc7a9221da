import { client } from './client';
import type { LoginResult, Me, TotpSetup } from './types';

export const authApi = {
  login: (username: string, password: string) => client.post<LoginResult>('/api/auth/login', { username, password }),
  verifyTotp: (code: string) => client.post<LoginResult>('/api/auth/totp/verify', { code }),
  getMe: () => client.get<Me>('/api/auth/me'),
  logout: () => client.post<void>('/api/auth/logout'),
  changePassword: (newPassword: string, currentPassword?: string) =>
    client.post<void>('/api/auth/password', currentPassword ? { currentPassword, newPassword } : { newPassword }),
  setupTotp: () => client.post<TotpSetup>('/api/auth/totp/setup'),
  enableTotp: (code: string) => client.post<LoginResult>('/api/auth/totp/enable', { code }),
  disableTotp: (password: string) => client.post<void>('/api/auth/totp/disable', { password }),
};
