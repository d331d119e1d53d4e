import { ResourceOrigin } from '../model';
import { LoadedStack } from './loaded-stack';
import { PropertyReader } from './property-reader';
import { CfnResource } from './template';

/** A resource of one stack whose condition holds, read by the model builders. */
export class TemplateResource {
  public readonly origin: ResourceOrigin;
  private reader?: PropertyReader;

  constructor(public readonly stack: LoadedStack, public readonly logicalId: string, public readonly definition: CfnResource) {
    const cdkPath = definition.metadata['aws:cdk:path'];
    this.origin = {
      stackName: stack.stackName,
      logicalId,
      path: (typeof cdkPath === 'string' ? cdkPath.replace(/\/(Resource|Default)$/, '') : undefined)
        ?? stack.source.constructPaths?.get(logicalId)
        ?? `${stack.stackName}/${logicalId}`,
    };
  }

  public get type(): string {
    return this.definition.type;
  }

  /** What `Ref` of the resource resolves to. */
  public ref(): string {
    return String(this.stack.resourceRef(this.logicalId));
  }

  public attribute(name: string): unknown {
    return this.stack.resourceAttribute(this.logicalId, name);
  }

  /** The resolved properties, resolved on first use. */
  public properties(): PropertyReader {
    this.reader ??= new PropertyReader(
      this.stack.properties(this.logicalId),
      `${this.stack.template.file}: resource ${this.logicalId} (${this.type}) property Properties`,
    );
    return this.reader;
  }
}

/** Every present resource of every stack (nested stacks included), by type. */
export class ResourceIndex {
  private readonly byType = new Map<string, TemplateResource[]>();
  private readonly everything: TemplateResource[] = [];

  constructor(stacks: readonly LoadedStack[]) {
    for (const stack of stacks) {
      for (const [logicalId, definition] of stack.presentResources()) {
        const resource = new TemplateResource(stack, logicalId, definition);
        this.everything.push(resource);
        const ofType = this.byType.get(definition.type) ?? [];
        ofType.push(resource);
        this.byType.set(definition.type, ofType);
      }
    }
  }

  public ofType(type: string): readonly TemplateResource[] {
    return this.byType.get(type) ?? [];
  }

  public all(): readonly TemplateResource[] {
    return this.everything;
  }
}
