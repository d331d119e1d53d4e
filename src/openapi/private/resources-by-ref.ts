import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The resources of one type under a construct, found by the `Ref` that another resource's property holds. */
export class ResourcesByRef<T extends CfnResource> {
  private readonly byRef = new Map<string, T>();

  /** @param reference what refers to a resource, its `Ref` unless given */
  constructor(private readonly stack: Stack, resources: T[], reference: (resource: T) => string = (resource) => resource.ref) {
    for (const resource of resources) {
      this.byRef.set(this.key(reference(resource)), resource);
    }
  }

  /** The resource that `ref` (a token) refers to, if it is under the construct. */
  public find(ref: string): T | undefined {
    return this.byRef.get(this.key(ref));
  }

  private key(ref: string): string {
    return JSON.stringify(this.stack.resolve(ref));
  }
}

/** Every resource of type `type` under `scope`, by `Ref`. */
export function refsOf<T extends CfnResource>(
  scope: IConstruct, type: abstract new (...args: any[]) => T, reference?: (resource: T) => string,
): ResourcesByRef<T> {
  return new ResourcesByRef(Stack.of(scope), resourcesOf(scope, type), reference);
}

/** Every resource of type `type` under `scope`. */
export function resourcesOf<T extends CfnResource>(scope: IConstruct, type: abstract new (...args: any[]) => T): T[] {
  return scope.node.findAll().filter((construct): construct is T => construct instanceof type);
}
