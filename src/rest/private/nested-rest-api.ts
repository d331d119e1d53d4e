import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * The REST API of the parent stack as seen from a nested stack. Unlike `RestApi.fromRestApiAttributes()`, it hands
 * the parent's `latestDeployment` to the resources and methods created under it, so that aws-cdk-lib adds them to the
 * deployment's logical id hash and makes the deployment depend on them (on their nested stack), as on the RestApi
 * itself; references to the API's id become parameters of the nested stack.
 */
export class NestedRestApi extends apigateway.RestApiBase {
  public readonly restApiId: string;
  public readonly restApiRootResourceId: string;
  public readonly root: apigateway.IResource;

  constructor(scope: Construct, id: string, private readonly api: apigateway.RestApi) {
    super(scope, id, { restApiName: api.restApiName });
    this.restApiId = api.restApiId;
    this.restApiRootResourceId = api.restApiRootResourceId;
    this.deploymentStage = api.deploymentStage;
    this.root = this.resourceOfParent('/', api.restApiRootResourceId);
  }

  public get latestDeployment(): apigateway.Deployment | undefined {
    return this.api.latestDeployment;
  }

  /**
   * Counts the method as one of the API's: a RestApi refuses to synthesize without methods of its own.
   * @internal
   */
  public _attachMethod(method: apigateway.Method): void {
    this.api._attachMethod(method);
  }

  /** Statements belong on the API in the parent stack. */
  public addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult {
    return this.api.addToResourcePolicy(statement);
  }

  /** A resource of the parent stack (by its id), under which this nested stack adds resources. */
  public resourceOfParent(path: string, resourceId: string): apigateway.IResource {
    const id = `Resource${path === '/' ? '' : path.replace(/\//g, '.')}`;
    return (this.node.tryFindChild(id) as apigateway.IResource | undefined)
      ?? apigateway.Resource.fromResourceAttributes(this, id, { restApi: this, resourceId, path });
  }
}
