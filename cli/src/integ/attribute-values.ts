/** The placeholder the runtime resolves `Fn::GetAtt` of a custom resource to: `{{LogicalId.Attribute}}`. */
const PLACEHOLDER = /\{\{([A-Za-z0-9]+)\.([^{}]+)\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{([A-Za-z0-9]+)\.([^{}]+)\}\}$/;

/** An attribute an assertion reads that the custom resource it names did not return. */
export class MissingAttributeError extends Error {}

/**
 * Replaces the placeholders of earlier assertions' attributes (`Fn::GetAtt: [AwsApiCall…, 'apiCallResponse.Body']`)
 * with the `Data` their handler returned, as CloudFormation does once a custom resource is created. A string that is
 * one placeholder becomes the value itself; placeholders inside a longer string (`Fn::Join`) become its text.
 */
export function withAttributeValues(value: unknown, data: ReadonlyMap<string, Readonly<Record<string, unknown>>>): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    if (whole && data.has(whole[1])) return attributeOf(data, whole[1], whole[2]);
    return value.replace(PLACEHOLDER, (text, logicalId: string, attribute: string) =>
      (data.has(logicalId) ? String(attributeOf(data, logicalId, attribute)) : text));
  }
  if (Array.isArray(value)) return value.map((item) => withAttributeValues(item, data));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withAttributeValues(item, data)]));
  }
  return value;
}

/** The first placeholder left in a value: something with no local value. */
export function firstPlaceholder(value: unknown): string | undefined {
  return /\{\{[^{}]+\}\}/.exec(JSON.stringify(value) ?? '')?.[0];
}

function attributeOf(data: ReadonlyMap<string, Readonly<Record<string, unknown>>>, logicalId: string, attribute: string): unknown {
  const values = data.get(logicalId)!;
  if (!(attribute in values)) {
    throw new MissingAttributeError(`reads the attribute ${attribute} of ${logicalId}, which returned only ${Object.keys(values).join(', ') || 'no data'}`);
  }
  return values[attribute];
}
