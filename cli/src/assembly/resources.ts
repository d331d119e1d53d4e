import { ResourceOrigin } from '../model';
import { AssemblyError } from './errors';
import { LoadedStack } from './loaded-stack';
import { PropertyReader } from './property-reader';
import { CfnResource } from './template';
import { UnsupportedReport } from './unsupported';

/**
 * A part of an API as the model builders read it: a resource of a template, or one that an OpenAPI definition declares,
 * translated into the same CloudFormation properties.
 */
export interface ApiPart {
  readonly origin: ResourceOrigin;
  /** What the startup report calls it: the CloudFormation type, or the place in the OpenAPI definition. */
  readonly type: string;
  /** What `Ref` of the part resolves to: its local id. */
  ref(): string;
  properties(): PropertyReader;
  /** An error naming where the part is written. */
  error(detail: string): AssemblyError;
}

/** A resource of one stack whose condition holds, read by the model builders. */
export class TemplateResource implements ApiPart {
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
    this.reader ??= new PropertyReader(this.stack.properties(this.logicalId), `${this.describe()} property Properties`);
    return this.reader;
  }

  /** Only the named properties, resolved: what the others hold does not matter to the caller. */
  public someProperties(...names: string[]): PropertyReader {
    const values = Object.fromEntries(names.map((name) => [name, this.stack.property(this.logicalId, name)]));
    return new PropertyReader(values, `${this.describe()} property Properties`);
  }

  /** `{template file}: resource {logicalId} ({type})`, how every message about the resource begins. */
  public describe(): string {
    return `${this.stack.template.file}: resource ${this.logicalId} (${this.type})`;
  }

  /** An error about the resource: `{template file}: resource {logicalId} ({type}) {detail}`. */
  public error(detail: string): AssemblyError {
    return new AssemblyError(`${this.describe()} ${detail}`);
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

/** The resource types of one kind of API, and how its parts name the API they belong to. */
export interface ApiPartsSpec<T extends string> {
  /** The type of the API resource, e.g. `AWS::ApiGateway::RestApi`. */
  readonly apiType: string;
  /** The resource types that belong to one API. */
  readonly partTypes: readonly T[];
  /** The property of a part holding the id of its API, e.g. `RestApiId`. */
  readonly apiIdProperty: string;
  /** What the API is called in messages, e.g. `REST API`. */
  readonly apiKind: string;
}

/**
 * Builds every API of `spec.apiType`, its parts gathered from every stack by the API id they resolve to; `build` may
 * return undefined for an API that is not served. Parts whose API is not defined in the cloud assembly are reported
 * unsupported.
 */
export function buildApisWithParts<T extends string, R>(
  index: ResourceIndex,
  spec: ApiPartsSpec<T>,
  report: UnsupportedReport,
  build: (api: TemplateResource, partsOf: (type: T) => readonly TemplateResource[]) => R | undefined,
): R[] {
  const partsByApi = new Map<string, Map<T, TemplateResource[]>>();
  for (const type of spec.partTypes) {
    for (const part of index.ofType(type)) {
      const what = `the ${part.type.split('::').pop()} ${part.logicalId}`;
      const apiId = report.serveOrReport(part.origin, part.type, what, () => part.someProperties(spec.apiIdProperty).string(spec.apiIdProperty));
      if (apiId === undefined) continue;
      const parts = partsByApi.get(apiId) ?? new Map<T, TemplateResource[]>();
      partsByApi.set(apiId, parts);
      const ofType = parts.get(type);
      if (ofType) {
        ofType.push(part);
      } else {
        parts.set(type, [part]);
      }
    }
  }
  const apis = index.ofType(spec.apiType).flatMap((api) => {
    const parts = partsByApi.get(api.ref()) ?? new Map<T, TemplateResource[]>();
    partsByApi.delete(api.ref());
    const model = report.serveOrReport(api.origin, api.type, `the ${spec.apiKind} ${api.logicalId}`, () => build(api, (type) => parts.get(type) ?? []));
    return model === undefined ? [] : [model];
  });
  for (const [apiId, parts] of partsByApi) {
    for (const part of [...parts.values()].flat()) {
      report.add(part.origin, part.type, `belongs to the ${spec.apiKind} ${apiId}, which is not defined in the cloud assembly, so it is not served`);
    }
  }
  return apis;
}
