import { AwsServiceHandler, jsonError } from './service-request';

/** A secret's value as the local runtime knows it: its ARN, name and string value. */
export interface LocalSecret {
  readonly arn: string;
  readonly name: string;
  readonly secretString: string;
}

/**
 * Secrets Manager's `GetSecretValue` (JSON protocol, `X-Amz-Target: secretsmanager.GetSecretValue`) for the secrets
 * the runtime has a value of, by ARN or name; `ResourceNotFoundException` for others. Every other operation is left
 * unanswered.
 */
export function secretsManagerService(secrets: readonly LocalSecret[]): AwsServiceHandler {
  return async (request) => {
    if (request.target !== 'secretsmanager.GetSecretValue') return undefined;
    const { SecretId: secretId } = JSON.parse(request.body.toString('utf8')) as { SecretId?: string };
    const secret = secrets.find((s) => s.arn === secretId || s.name === secretId);
    if (secret === undefined) {
      return jsonError(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    }
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({
        ARN: secret.arn,
        Name: secret.name,
        SecretString: secret.secretString,
        VersionId: '00000000-0000-4000-8000-000000000000',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: 0,
      }),
    };
  };
}
