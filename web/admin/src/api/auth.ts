import { api, ok } from './client';

export const authApi = {
  login: (username: string, password: string) => ok(api.POST('/api/auth/login', { body: { username, password } })),
  verifyTotp: (code: string) => ok(api.POST('/api/auth/totp/verify', { body: { code } })),
  getMe: () => ok(api.GET('/api/auth/me')),
  logout: () => ok(api.POST('/api/auth/logout')),
  changePassword: (newPassword: string, currentPassword?: string) =>
    ok(api.POST('/api/auth/password', { body: currentPassword ? { currentPassword, newPassword } : { newPassword } })),
  setupTotp: () => ok(api.POST('/api/auth/totp/setup')),
  enableTotp: (code: string) => ok(api.POST('/api/auth/totp/enable', { body: { code } })),
  disableTotp: (password: string) => ok(api.POST('/api/auth/totp/disable', { body: { password } })),
};
