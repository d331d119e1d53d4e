import { StackArtifact } from './cloud-assembly';
import { AssemblyError } from './errors';
import { ExportScope, LoadedStack } from './loaded-stack';
import { loadNestedStacks } from './nested-stacks';
import { readTemplate } from './template';
import { UnsupportedReport } from './unsupported';

const STACK = 'AWS::CloudFormation::Stack';

/** Where stacks without an explicit environment are deployed locally. */
export interface DefaultEnvironment {
  readonly region: string;
  readonly accountId: string;
}

/**
 * Loads every stack of the assembly, nested stacks after their parent, with `Fn::ImportValue` across all of them. A
 * stack without resources is reported and left out: there is nothing in it to serve.
 */
export function loadStacks(artifacts: readonly StackArtifact[], environment: DefaultEnvironment, report: UnsupportedReport): LoadedStack[] {
  const exports = new AssemblyExports();
  for (const artifact of artifacts) {
    const template = readTemplate(artifact.templateFile);
    if (template.resources.size === 0) {
      report.add({ stackName: artifact.stackName, logicalId: '', path: artifact.stackName }, STACK,
        'the stack has no resources (as the assertion stack of an IntegTest), so there is nothing in it to serve; it is skipped');
      continue;
    }
    const stack = new LoadedStack(
      {
        stackName: artifact.stackName,
        templateFile: artifact.templateFile,
        assemblyDir: artifact.assemblyDir,
        assets: artifact.assets,
        region: artifact.region ?? environment.region,
        accountId: artifact.account ?? environment.accountId,
        constructPaths: artifact.constructPaths,
      },
      template,
      exports,
    );
    exports.stacks.push(stack, ...loadNestedStacks(stack, exports, report));
  }
  exports.complete = true;
  return exports.stacks;
}

/** The `Export.Name`d outputs of every stack, found on the first `Fn::ImportValue`. */
class AssemblyExports implements ExportScope {
  public readonly stacks: LoadedStack[] = [];
  /** Set once every stack is loaded: only then is the index of exports final. */
  public complete = false;
  private byName?: Map<string, { readonly stack: LoadedStack; readonly outputName: string }>;
  private indexing = false;

  /** An export of no stack of the assembly (deployed by another app) resolves to a placeholder naming it. */
  public importValue(exportName: string, where: string): unknown {
    const found = this.exportsByName(where).get(exportName);
    return found ? found.stack.output(found.outputName) : `{{import:${exportName}}}`;
  }

  private exportsByName(where: string): Map<string, { readonly stack: LoadedStack; readonly outputName: string }> {
    if (this.byName) return this.byName;
    if (this.indexing) {
      throw new AssemblyError(`${where}: an Export.Name uses Fn::ImportValue; expected export names that do not depend on other exports`);
    }
    this.indexing = true;
    try {
      const byName = new Map<string, { readonly stack: LoadedStack; readonly outputName: string }>();
      for (const stack of this.stacks) {
        for (const { exportName, outputName } of stack.exports()) byName.set(exportName, { stack, outputName });
      }
      if (this.complete) this.byName = byName;
      return byName;
    } finally {
      this.indexing = false;
    }
  }
}
