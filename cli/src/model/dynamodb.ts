import type { ResourceOrigin } from '.';

/** An `AWS::DynamoDB::Table` of the app: what the local DynamoDB endpoint creates for its handlers. */
export interface DynamoDbTableModel {
  readonly origin: ResourceOrigin;
  /** The name handlers are given (`Ref`): `TableName`, or the local physical name. */
  readonly tableName: string;
  /** `KeySchema`, `AttributeDefinitions`, `GlobalSecondaryIndexes`, `LocalSecondaryIndexes`, as CreateTable takes them. */
  readonly definition: Readonly<Record<string, unknown>>;
}
