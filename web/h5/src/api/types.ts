// Shapes of the foundation API that the member H5 reads, named after the generated contract.
import type { Reply, Schemas } from '../../../lib/api/client';

export type Me = Schemas['Me'];
export type Grant = Schemas['Grant'];
export type LoginResult = Reply<'/api/auth/login', 'post'>;
export type OtpResult = Reply<'/api/auth/otp', 'post'>;
