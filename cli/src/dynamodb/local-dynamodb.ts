/// <reference path="./dynalite.d.ts" />
import { AddressInfo } from 'node:net';
import type * as DynamoDbSdk from '@aws-sdk/client-dynamodb';
import type dynalite from 'dynalite';
import { AwsCredentials } from '../gateway/aws-service-endpoint';
import { lazyRequire } from '../lazy-require';
import { DynamoDbTableModel } from '../model';

// Loaded by the apps that have tables: the SDK client and dynalite are a large share of the CLI's modules.
const dynamoDbSdk = lazyRequire<typeof DynamoDbSdk>('@aws-sdk/client-dynamodb');
const embeddedDynamoDb = lazyRequire<typeof dynalite>('dynalite');

/** The DynamoDB endpoint the app's handlers are given, with the app's tables in it. */
export interface LocalDynamoDb {
  /** E.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string;
  /** Whether the runtime started it (embedded) or the user gave it. */
  readonly embedded: boolean;
  close(): Promise<void>;
}

export interface LocalDynamoDbOptions {
  /** A DynamoDB-compatible endpoint to use instead of the embedded one, e.g. DynamoDB Local's `http://localhost:8000`. */
  readonly endpoint?: string;
  readonly region: string;
  readonly credentials: AwsCredentials;
}

/**
 * Starts the embedded DynamoDB (dynalite, in memory, on a free loopback port) or uses the given endpoint, and creates
 * the app's tables in it (a table that already exists there is kept as it is). Undefined when the app has no table
 * and no endpoint is given.
 */
export async function startLocalDynamoDb(
  tables: readonly DynamoDbTableModel[], options: LocalDynamoDbOptions,
): Promise<LocalDynamoDb | undefined> {
  if (tables.length === 0 && options.endpoint === undefined) {
    return undefined;
  }
  const local = options.endpoint === undefined
    ? await startEmbedded()
    : { endpoint: options.endpoint, embedded: false, close: async () => undefined };
  try {
    const client = new (dynamoDbSdk().DynamoDBClient)({ endpoint: local.endpoint, region: options.region, credentials: options.credentials });
    for (const table of tables) {
      await createTable(client, table);
    }
    client.destroy();
  } catch (error) {
    await local.close();
    throw error;
  }
  return local;
}

async function startEmbedded(): Promise<LocalDynamoDb> {
  const server = embeddedDynamoDb()({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    embedded: true,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function createTable(client: DynamoDbSdk.DynamoDBClient, table: DynamoDbTableModel): Promise<void> {
  const input = { ...table.definition, TableName: table.tableName, BillingMode: 'PAY_PER_REQUEST' } as DynamoDbSdk.CreateTableCommandInput;
  try {
    await client.send(new (dynamoDbSdk().CreateTableCommand)(input));
  } catch (error) {
    if ((error as { name?: unknown }).name !== 'ResourceInUseException') {
      throw new Error(`gatewaykit: could not create the table ${table.tableName} (${table.origin.path}) in the local DynamoDB: ${(error as Error).message}`);
    }
  }
}
