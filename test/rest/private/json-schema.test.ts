import { App, Lazy, Stack } from 'aws-cdk-lib';
import { JsonSchema, JsonSchemaType, JsonSchemaVersion } from 'aws-cdk-lib/aws-apigateway';
import { validateJsonSchema } from '../../../src/rest/private/json-schema';

const PROP = "routes['POST /items'].requestBody";

/** Validates `schema` as plain JavaScript could pass it, typed or not. */
const validate = (schema: unknown) => () => validateJsonSchema(new Stack(new App(), 'TestStack'), PROP, schema as JsonSchema);
/** The schema with `keyword` set on the `name` property, where most mistakes are made. */
const onProperty = (keyword: Record<string, unknown>) =>
  validate({ type: JsonSchemaType.OBJECT, properties: { name: { type: JsonSchemaType.STRING, ...keyword } } });

describe('valid schemas', () => {
  test('a schema using every draft 4 keyword is accepted', () => {
    const schema: JsonSchema = {
      schema: JsonSchemaVersion.DRAFT4,
      id: 'https://example.com/item',
      title: 'Item',
      description: 'An item',
      type: JsonSchemaType.OBJECT,
      required: ['name'],
      minProperties: 1,
      maxProperties: 10,
      additionalProperties: false,
      properties: {
        'name': { type: JsonSchemaType.STRING, minLength: 1, maxLength: 1, pattern: '^[a-z]+$', format: 'hostname' },
        'price': { type: [JsonSchemaType.NUMBER, JsonSchemaType.NULL], minimum: 0, exclusiveMinimum: true, maximum: 100, exclusiveMaximum: false, multipleOf: 0.01 },
        'tags': { type: JsonSchemaType.ARRAY, items: { type: JsonSchemaType.STRING }, minItems: 0, maxItems: 5, uniqueItems: true },
        'pair': { type: JsonSchemaType.ARRAY, items: [{ type: JsonSchemaType.STRING }, { type: JsonSchemaType.INTEGER }], additionalItems: { type: JsonSchemaType.BOOLEAN } },
        'kind': { enum: ['a', 'b'], default: 'a' },
        'first-name': { allOf: [{ type: JsonSchemaType.STRING }], anyOf: [{ minLength: 1 }], oneOf: [{ maxLength: 5 }], not: { enum: [''] } },
        'address': { ref: 'https://apigateway.amazonaws.com/restapis/abc/models/Address' },
      },
      patternProperties: { '^x-': { type: JsonSchemaType.STRING } },
      definitions: { Address: { type: JsonSchemaType.OBJECT } },
      dependencies: { price: ['name'], tags: { required: ['kind'] } },
    };
    expect(validate(schema)).not.toThrow();
  });

  test('unresolved tokens are not checked', () => {
    const negative = Lazy.number({ produce: () => -1 });
    expect(onProperty({ minLength: negative, maxLength: 0, pattern: Lazy.string({ produce: () => '(' }) })).not.toThrow();
  });

  test('an unresolved schema is not checked', () => {
    expect(validate({ type: JsonSchemaType.OBJECT, properties: { name: Lazy.any({ produce: () => 'not a schema' }) } })).not.toThrow();
  });
});

describe('invalid schemas', () => {
  test('an error names the construct, a stable id and the path of the keyword', () => {
    expect(onProperty({ minLength: -1 })).toThrow(
      "[InvalidJsonSchema] TestStack: routes['POST /items'].requestBody.properties.name.minLength is -1; expected a non-negative integer");
  });

  test('a property name that is not an identifier is written with brackets', () => {
    expect(validate({ properties: { 'first-name': { maxItems: 1.5 } } })).toThrow(
      `${PROP}.properties['first-name'].maxItems is 1.5; expected a non-negative integer`);
  });

  test('a misspelt keyword suggests the known one', () => {
    expect(validate({ type: JsonSchemaType.OBJECT, requried: ['name'] })).toThrow(`${PROP} has the unknown keyword 'requried'; did you mean 'required'?`);
  });

  test('a $-prefixed keyword suggests the aws-cdk-lib spelling', () => {
    expect(validate({ $schema: JsonSchemaVersion.DRAFT4 })).toThrow(`${PROP} has the unknown keyword '$schema'; did you mean 'schema'?`);
  });

  test('an unknown keyword with no close match lists the known keywords', () => {
    expect(validate({ toString: 'x' })).toThrow(
      `${PROP} has the unknown keyword 'toString'; API Gateway models are JSON Schema draft 4, written with the keywords of apigateway.JsonSchema: schema, id, ref, type,`);
  });

  test('draft 7 is rejected', () => {
    expect(validate({ schema: JsonSchemaVersion.DRAFT7 })).toThrow(
      `${PROP}.schema is 'http://json-schema.org/draft-07/schema#'; expected JsonSchemaVersion.DRAFT4 ('http://json-schema.org/draft-04/schema#'), the only draft API Gateway models use, or leave it out`);
  });

  test.each(['contains', 'propertyNames'])('the later-draft keyword %s is rejected', (keyword) => {
    expect(validate({ [keyword]: { type: JsonSchemaType.STRING } })).toThrow(
      `${PROP}.${keyword} is a keyword of JSON Schema draft 6 and later; API Gateway models are draft 4, which ignores it`);
  });

  test.each([
    ['an unknown type', 'text', "'text'"],
    ['an empty list of types', [], '[]'],
    ['a type listed twice', ['string', 'string'], '["string","string"]'],
  ])('%s is rejected', (_, type, shown) => {
    expect(validate({ type })).toThrow(
      `${PROP}.type is ${shown}; expected one of 'null', 'boolean', 'object', 'array', 'number', 'integer', 'string', or a non-empty array of distinct ones`);
  });

  test.each(['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'])('a %s given as a string is rejected', (keyword) => {
    expect(onProperty({ [keyword]: '3' })).toThrow(`${PROP}.properties.name.${keyword} is '3'; expected a non-negative integer`);
  });

  test.each([
    ['minLength', 'maxLength', 5, 2],
    ['minItems', 'maxItems', 3, 1],
    ['minProperties', 'maxProperties', 2, 0],
    ['minimum', 'maximum', 10, 1.5],
  ])('%s above %s is rejected', (min, max, low, high) => {
    expect(onProperty({ [min]: low, [max]: high })).toThrow(
      `${PROP}.properties.name.${min} is ${low} but ${max} is ${high}; no value could match, so lower ${min} or raise ${max}`);
  });

  test.each([0, -2, '1'])('a multipleOf of %p is rejected', (multipleOf) => {
    expect(onProperty({ multipleOf })).toThrow(`${PROP}.properties.name.multipleOf is ${JSON.stringify(multipleOf).replace(/"/g, "'")}; expected a number greater than 0`);
  });

  test.each(['minimum', 'maximum'])('a %s that is not a number is rejected', (keyword) => {
    expect(onProperty({ [keyword]: 'ten' })).toThrow(`${PROP}.properties.name.${keyword} is 'ten'; expected a number`);
  });

  test.each([['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']])('%s without %s is rejected', (keyword, bound) => {
    expect(onProperty({ [keyword]: true })).toThrow(
      `${PROP}.properties.name.${keyword} is set without ${bound}; in draft 4 it only makes ${bound} exclusive, so set ${bound} too`);
  });

  test('a draft 6 numeric exclusiveMinimum is rejected', () => {
    expect(onProperty({ minimum: 0, exclusiveMinimum: 0 })).toThrow(`${PROP}.properties.name.exclusiveMinimum is 0; expected true or false`);
  });

  test('a pattern that does not compile is rejected', () => {
    expect(onProperty({ pattern: '([a-z]' })).toThrow(`${PROP}.properties.name.pattern is '([a-z]', which is not a valid regular expression (Invalid regular expression: /([a-z]/: Unterminated group)`);
  });

  test('a pattern that is not a string is rejected', () => {
    expect(onProperty({ pattern: /^a/ })).toThrow(`${PROP}.properties.name.pattern is a RegExp; expected a regular expression as a string`);
  });

  test('a patternProperties key that does not compile is rejected', () => {
    expect(validate({ patternProperties: { '[a-': { type: JsonSchemaType.STRING } } })).toThrow(
      `${PROP}.patternProperties has the key '[a-', which is not a valid regular expression (Invalid regular expression: /[a-/: Unterminated character class)`);
  });

  test.each([
    ['an empty list', [], '[]'],
    ['a single name', 'name', "'name'"],
    ['a list with a number', ['name', 1], '["name",1]'],
  ])('required as %s is rejected', (_, required, shown) => {
    expect(validate({ required })).toThrow(`${PROP}.required is ${shown}; expected a non-empty array of property names`);
  });

  test('a required property listed twice is rejected', () => {
    expect(validate({ required: ['name', 'price', 'name'] })).toThrow(`${PROP}.required lists 'name' twice; list each property once`);
  });

  test.each([[[]], ['a']])('an enum of %p is rejected', (values) => {
    expect(onProperty({ enum: values })).toThrow(`${PROP}.properties.name.enum is ${JSON.stringify(values).replace(/"/g, "'")}; expected a non-empty array of the allowed values`);
  });

  test('an enum value listed twice is rejected', () => {
    expect(onProperty({ enum: ['a', 'b', 'a'] })).toThrow(`${PROP}.properties.name.enum lists 'a' twice; draft 4 requires distinct values`);
  });

  test('a title that is not a string is rejected', () => {
    expect(validate({ title: 42 })).toThrow(`${PROP}.title is 42; expected a string`);
  });

  test('a uniqueItems that is not a boolean is rejected', () => {
    expect(validate({ uniqueItems: 'yes' })).toThrow(`${PROP}.uniqueItems is 'yes'; expected true or false`);
  });

  test('a property schema written as a type name is rejected', () => {
    expect(validate({ properties: { name: 'string' } })).toThrow(
      `${PROP}.properties.name is 'string'; expected a schema object such as { type: JsonSchemaType.STRING }`);
  });

  test.each(['properties', 'definitions', 'patternProperties', 'dependencies'])('%s given as an array is rejected', (keyword) => {
    expect(validate({ [keyword]: [{ type: JsonSchemaType.STRING }] })).toThrow(`${PROP}.${keyword} is [{"type":"string"}]; expected an object of named schemas`);
  });

  test('a nested mistake is reported with its full path', () => {
    expect(validate({ definitions: { Address: { properties: { zip: { items: [{ type: JsonSchemaType.STRING }, { type: 'strin' }] } } } } })).toThrow(
      `${PROP}.definitions.Address.properties.zip.items[1].type is 'strin'; expected one of`);
  });

  test('items that are neither a schema nor an array are rejected', () => {
    expect(validate({ items: 5 })).toThrow(`${PROP}.items is 5; expected a schema object or an array of schemas`);
  });

  test.each(['additionalProperties', 'additionalItems'])('%s that is neither a schema nor a boolean is rejected', (keyword) => {
    expect(validate({ [keyword]: 'no' })).toThrow(`${PROP}.${keyword} is 'no'; expected a schema object or a boolean`);
  });

  test('a dependency that is an empty list is rejected', () => {
    expect(validate({ dependencies: { price: [] } })).toThrow(`${PROP}.dependencies.price is []; expected a non-empty array of property names`);
  });

  test('a dependency that is neither a schema nor a list is rejected', () => {
    expect(validate({ dependencies: { price: 'name' } })).toThrow(
      `${PROP}.dependencies.price is 'name'; expected a schema object or a non-empty array of property names`);
  });

  test.each([
    ['allOf', [], '[]'],
    ['anyOf', {}, '{}'],
    ['oneOf', null, 'null'],
  ])('%s of %p is rejected', (keyword, value, shown) => {
    expect(validate({ [keyword]: value })).toThrow(`${PROP}.${keyword} is ${shown}; expected a non-empty array of schemas`);
  });

  test('a schema inside oneOf that is not an object is rejected', () => {
    expect(validate({ oneOf: [{ type: JsonSchemaType.STRING }, 5] })).toThrow(`${PROP}.oneOf[1] is 5; expected a schema object`);
  });

  test('a not that is an array is rejected', () => {
    expect(validate({ not: [{ type: JsonSchemaType.STRING }] })).toThrow(`${PROP}.not is [{"type":"string"}]; expected a schema object`);
  });

  test.each([
    ['null', null, 'null'],
    ['a string', 'object', "'object'"],
    ['an array', [], '[]'],
    ['undefined', undefined, 'undefined'],
    ['a number', 7, '7'],
  ])('a root schema that is %s is rejected', (_, schema, shown) => {
    expect(validate(schema)).toThrow(`[InvalidJsonSchema] TestStack: ${PROP} is ${shown}; expected a schema object`);
  });

  test('a schema that contains itself is rejected instead of recursing forever', () => {
    const schema: { type: string; properties: Record<string, unknown> } = { type: 'object', properties: {} };
    schema.properties.parent = schema;
    expect(validate(schema)).toThrow(
      `${PROP}.properties.parent is the same object as a schema that encloses it, which makes the schema infinite; refer to a model with ref instead`);
  });

  test('a schema reused by two siblings is not mistaken for a cycle', () => {
    const shared = { type: JsonSchemaType.STRING };
    expect(validate({ properties: { a: shared, b: shared } })).not.toThrow();
  });

  test('a value JSON cannot represent is still shown', () => {
    expect(onProperty({ minLength: BigInt(10) })).toThrow(`${PROP}.properties.name.minLength is 10; expected a non-negative integer`);
  });

  test('a long value is shortened in the message', () => {
    expect(validate({ not: new Array(40).fill('x') })).toThrow(/\.not is \[("x",){19}\.\.\.; expected a schema object/);
  });
});
