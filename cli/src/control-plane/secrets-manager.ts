import { ControlPlaneError } from './errors';
import { accessDeniedMessage, FaultPlan } from './faults';
import { LocalSecret, SecretStore } from './secret-store';

/** An answer of the local Secrets Manager (its JSON protocol): status and body. */
export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

/**
 * `GetSecretValue`, `PutSecretValue` and `DescribeSecret` over the secrets the served app's API keys read their values
 * from (`X-Amz-Target: secretsmanager.<Operation>`).
 */
export function answerSecretsManager(target: string, body: Record<string, unknown>, secrets: SecretStore, faults: FaultPlan): JsonResponse {
  const operation = target.replace(/^secretsmanager\./, '');
  const fault = faults.get(operation);
  if (fault) {
    return fault === 'AccessDenied'
      ? failure('AccessDeniedException', accessDeniedMessage('secretsmanager', operation))
      : failure('ThrottlingException', 'Rate exceeded');
  }
  try {
    const secretId = typeof body.SecretId === 'string' ? body.SecretId : '';
    switch (operation) {
      case 'GetSecretValue': {
        const secret = secrets.get(secretId);
        return { status: 200, body: { ...identity(secret), SecretString: secret.secretString, VersionStages: ['AWSCURRENT'], CreatedDate: secret.createdDate / 1000 } };
      }
      case 'PutSecretValue': {
        if (typeof body.SecretString !== 'string') {
          return failure('InvalidParameterException', 'SecretString is required');
        }
        return { status: 200, body: { ...identity(secrets.put(secretId, body.SecretString)), VersionStages: ['AWSCURRENT'] } };
      }
      case 'DescribeSecret':
        return { status: 200, body: { ARN: secrets.get(secretId).arn, Name: secrets.get(secretId).name } };
      default:
        return failure('InvalidRequestException', `The local control plane answers GetSecretValue, PutSecretValue and DescribeSecret, not ${operation}`);
    }
  } catch (error) {
    if (error instanceof ControlPlaneError) {
      return failure('ResourceNotFoundException', error.message);
    }
    throw error;
  }
}

function identity(secret: LocalSecret): Record<string, string> {
  return { ARN: secret.arn, Name: secret.name, VersionId: secret.versionId };
}

function failure(type: string, message: string): JsonResponse {
  return { status: 400, body: { __type: type, message } };
}
