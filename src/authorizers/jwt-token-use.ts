// In a file of its own so that the option schemas can read it while jwt.ts, which uses them, is still loading.
/** The `token_use` claim a Cognito token must carry. */
export enum JwtTokenUse {
  /** ID tokens: identity claims, `aud` is the app client id. */
  ID = 'id',
  /** Access tokens: scopes, `client_id` is the app client id. */
  ACCESS = 'access',
}
