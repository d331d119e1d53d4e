/**
 * A request the authorizer refuses before any token verification.
 * The reason is a short category for the decision log; it never carries request data.
 */
export class AuthorizerRejection extends Error {
  public readonly reason: string;

  constructor(reason: string) {
    super(reason);
    this.name = 'AuthorizerRejection';
    this.reason = reason;
  }
}
