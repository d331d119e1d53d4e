/**
 * The contract between the canary custom resources a stack declares and the handler that serves them: resource
 * types, property names, attribute names and physical ids. Shared by the constructs and the handler, so that the two
 * sides cannot drift; no aws-cdk-lib here.
 */

/** Reports the deployment a stage serves before CloudFormation updates it. */
export const STAGE_BASELINE_RESOURCE_TYPE = 'Custom::GatewayKitStageBaseline';
/** Removes the canary settings CloudFormation leaves on a stage whose template no longer declares a canary. */
export const STAGE_CANARY_REMOVAL_RESOURCE_TYPE = 'Custom::GatewayKitStageCanaryRemoval';

/** The baseline's attribute: the deployment id the stage served (or the fallback for a new stage). */
export const BASELINE_DEPLOYMENT_ID_ATTRIBUTE = 'DeploymentId';
/** The removal's attribute: `'true'` when canary settings were removed, `'false'` when there were none. */
export const CANARY_REMOVED_ATTRIBUTE = 'Removed';

export interface StageBaselineProperties {
  readonly RestApiId: string;
  readonly StageName: string;
  /** Reported when the stage does not exist yet: the deployment it will be created with. */
  readonly FallbackDeploymentId: string;
  /** Not read: a new deployment changes it, which makes CloudFormation run the resource again. */
  readonly LatestDeploymentId: string;
}

export interface StageCanaryRemovalProperties {
  readonly RestApiId: string;
  readonly StageName: string;
  /** Not read: a change of the stage's deployment makes CloudFormation run the resource again. */
  readonly StageDeploymentId: string;
  /** Not read: any change makes CloudFormation run the resource again. */
  readonly Trigger: string;
}

/** A request the handler refuses; the message names the faulty field and is safe to return to CloudFormation. */
export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

const API_ID = /^[A-Za-z0-9]{1,64}$/;
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

export function parseStageBaselineProperties(raw: unknown): StageBaselineProperties {
  const properties = propertiesOf(raw);
  return {
    RestApiId: matching(properties, 'RestApiId', API_ID, 'a REST API id (letters and digits)'),
    StageName: matching(properties, 'StageName', STAGE_NAME, 'a stage name (letters, digits, - and _)'),
    FallbackDeploymentId: matching(properties, 'FallbackDeploymentId', API_ID, 'a deployment id (letters and digits)'),
    LatestDeploymentId: matching(properties, 'LatestDeploymentId', API_ID, 'a deployment id (letters and digits)'),
  };
}

export function parseStageCanaryRemovalProperties(raw: unknown): StageCanaryRemovalProperties {
  const properties = propertiesOf(raw);
  return {
    RestApiId: matching(properties, 'RestApiId', API_ID, 'a REST API id (letters and digits)'),
    StageName: matching(properties, 'StageName', STAGE_NAME, 'a stage name (letters, digits, - and _)'),
    StageDeploymentId: matching(properties, 'StageDeploymentId', API_ID, 'a deployment id (letters and digits)'),
    Trigger: matching(properties, 'Trigger', /^[\s\S]*$/, 'a string'),
  };
}

/** Stable for a stage, so that an update never makes CloudFormation replace (and delete) the resource. */
export function stageBaselinePhysicalId(properties: StageBaselineProperties): string {
  return `${properties.RestApiId}/${properties.StageName}/baseline`;
}

/** Stable for a stage, so that an update never makes CloudFormation replace (and delete) the resource. */
export function stageCanaryRemovalPhysicalId(properties: StageCanaryRemovalProperties): string {
  return `${properties.RestApiId}/${properties.StageName}/canary-removal`;
}

function propertiesOf(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidRequestError(`ResourceProperties must be an object, got ${describe(raw)}`);
  }
  return raw as Record<string, unknown>;
}

function matching(properties: Record<string, unknown>, name: string, pattern: RegExp, expected: string): string {
  const value = properties[name];
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new InvalidRequestError(`ResourceProperties.${name} must be ${expected}, got ${describe(value)}`);
  }
  return value;
}

/** A short rendering of a received value for an error message. */
function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  const text = JSON.stringify(value) ?? typeof value;
  return text.length <= 40 ? text : `${text.slice(0, 37)}...`;
}
