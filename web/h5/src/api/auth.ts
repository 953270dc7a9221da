import type { Body } from '../../../lib/api/client';
import { api, ok } from './client';

export type LoginBody =
  { phone: string; password: string } | { phone: string; code: string } | { username: string; password: string }; // merchant mode (商户登录)

export const authApi = {
  sendOtp: (phone: string) => ok(api.POST('/api/auth/otp', { body: { phone } }), true),
  login: (body: LoginBody) => ok(api.POST('/api/auth/login', { body }), true),
  /** Quiet: the router asks this to learn whether anyone is signed in. */
  me: () => ok(api.GET('/api/auth/me'), true),
  logout: () => ok(api.POST('/api/auth/logout'), true),
  changePassword: (body: Body<'/api/auth/password', 'post'>) => ok(api.POST('/api/auth/password', { body })),
};
