// Shapes of the foundation API (docs/API-FOUNDATION.md) that the member H5 reads.
export interface Grant {
  id: number;
  roleCode: string;
  roleName: string;
  orgId: number;
  orgName: string;
  createdAt: string;
}

export interface Me {
  id: number;
  kind: 'staff' | 'member';
  username: string | null;
  displayName: string;
  phone: string | null; // masked: 138****5678
  org: { id: number; name: string } | null;
  grants: Grant[];
  permissions: string[];
  totpEnabled: boolean;
  totpRequired: boolean;
  hasPassword: boolean;
  session: { state: 'active' | 'mfa_pending' | 'mfa_enroll'; expiresAt: string; idleTimeoutSeconds: number };
}

export interface LoginResult {
  next: 'done' | 'totp' | 'enroll_totp';
  me: Me;
}

export interface OtpResult {
  sent: boolean;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}
