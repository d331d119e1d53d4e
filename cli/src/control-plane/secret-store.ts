import { randomUUID } from 'node:crypto';
import { notFound } from './errors';

/** A secret of the local Secrets Manager. */
export interface LocalSecret {
  readonly arn: string;
  readonly name: string;
  secretString: string;
  versionId: string;
  createdDate: number;
}

/**
 * The secrets the served app's API keys read their values from (`{{resolve:secretsmanager:...}}`), holding the local
 * values the runtime accepts, found by ARN or by name as Secrets Manager finds them.
 */
export class SecretStore {
  private readonly secrets = new Map<string, LocalSecret>();

  /** Adds a secret (its ARN ends with `-` and six characters after the name, as Secrets Manager's do). */
  public add(arn: string, secretString: string, now: number): void {
    const name = arn.split(':secret:')[1]?.replace(/-[A-Za-z0-9]{6}$/, '') ?? arn;
    this.secrets.set(arn, { arn, name, secretString, versionId: randomUUID(), createdDate: now });
  }

  public get(secretId: string): LocalSecret {
    const secret = this.secrets.get(secretId) ?? [...this.secrets.values()].find((s) => s.name === secretId || s.arn.startsWith(`${secretId}-`));
    if (!secret) {
      throw notFound(`Secrets Manager can't find the specified secret (${secretId}).`);
    }
    return secret;
  }

  /** Replaces the value, as `PutSecretValue` makes a new current version. */
  public put(secretId: string, secretString: string): LocalSecret {
    const secret = this.get(secretId);
    secret.secretString = secretString;
    secret.versionId = randomUUID();
    return secret;
  }
}
