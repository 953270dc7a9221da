// The H5's door to the API: the shared typed client (web/lib/api/client.ts). A lost session
// anywhere sends the member back to the login page (main.ts sets the handler); the sign-in calls
// pass `quiet`, since "nobody is signed in" is their answer, not a lost session.
export {
  api,
  ApiError,
  isSessionLost as isUnauthenticated,
  ok,
  setSessionLostHandler as setUnauthenticatedHandler,
} from '../../../lib/api/client';
