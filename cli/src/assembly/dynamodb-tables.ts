import { DynamoDbTableModel } from '../model';
import { ResourceIndex } from './resources';
import { UnsupportedReport } from './unsupported';

/** CreateTable's parameters that shape what handlers can write and query; billing, encryption and TTL do not. */
const KEY_PROPERTIES = ['KeySchema', 'AttributeDefinitions', 'GlobalSecondaryIndexes', 'LocalSecondaryIndexes'];

/** Every DynamoDB table of the app, by the name its `Ref` gives handlers. */
export function buildDynamoDbTables(index: ResourceIndex, report: UnsupportedReport): DynamoDbTableModel[] {
  return index.ofType('AWS::DynamoDB::Table').flatMap((table) => {
    const model = report.serveOrReport(table.origin, table.type, `the table ${table.logicalId}`, () => {
      const properties = table.someProperties(...KEY_PROPERTIES);
      const definition = Object.fromEntries(KEY_PROPERTIES.filter((name) => properties.has(name)).map((name) => [name, properties.raw(name)]));
      return { origin: table.origin, tableName: table.ref(), definition };
    });
    return model ? [model] : [];
  });
}
