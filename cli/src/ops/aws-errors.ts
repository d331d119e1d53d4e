/**
 * An AWS call that failed, told in one line: the operation, AWS's error name and message, and what to do for the
 * errors an operator meets (access denied, throttled, not found, no credentials). The CLI prints the message alone,
 * never a stack trace.
 */
export class AwsCallError extends Error {
  constructor(operation: string, cause: unknown) {
    super(describe(operation, cause));
    this.name = 'AwsCallError';
  }
}

/** Runs one AWS call, turning its failure into an {@link AwsCallError} naming `operation`. */
export async function awsCall<T>(operation: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw new AwsCallError(operation, error);
  }
}

function describe(operation: string, cause: unknown): string {
  const name = cause instanceof Error ? cause.name : 'Error';
  const message = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
  return `${operation} failed: ${name}: ${message}${hintFor(name)}`;
}

function hintFor(name: string): string {
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized|Forbidden/i.test(name)) {
    return ' (the credentials in use lack this permission: check their IAM policy, or the --profile and --region)';
  }
  if (/Throttl|TooManyRequests|RequestLimitExceeded/i.test(name)) {
    return ' (AWS throttled the call: retry in a moment, or raise AWS_MAX_ATTEMPTS)';
  }
  if (/CredentialsProviderError|ExpiredToken|InvalidClientTokenId|UnrecognizedClient/i.test(name)) {
    return ' (no valid AWS credentials: set a profile with --profile or AWS_PROFILE, or pass --endpoint-url for a local control plane)';
  }
  return '';
}
