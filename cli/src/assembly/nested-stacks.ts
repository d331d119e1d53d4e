import * as path from 'path';
import { ExportScope, LoadedStack, parametersPassedBy } from './loaded-stack';
import { nestedStackName } from './physical-ids';
import { TemplateResource } from './resources';
import { readTemplate } from './template';
import { UnsupportedReport } from './unsupported';

const NESTED_STACK = 'AWS::CloudFormation::Stack';

/**
 * Loads the nested stacks of `parent` (and theirs), links each to its `AWS::CloudFormation::Stack` resource so that
 * `Fn::GetAtt [Nested, Outputs.X]` reads the nested output, and returns them depth first.
 */
export function loadNestedStacks(parent: LoadedStack, exportScope: ExportScope, report: UnsupportedReport): LoadedStack[] {
  const loaded: LoadedStack[] = [];
  for (const [logicalId, definition] of parent.presentResources()) {
    if (definition.type !== NESTED_STACK) continue;
    const templateFile = nestedTemplateFile(parent, logicalId);
    if (!templateFile) {
      const resource = new TemplateResource(parent, logicalId, definition);
      report.add(resource.origin, NESTED_STACK,
        `the nested stack's template (TemplateURL ${String(parent.property(logicalId, 'TemplateURL'))}) is not in the cloud assembly, so its resources are not served; the other stacks are`);
      continue;
    }
    const nested = new LoadedStack(
      { ...parent.source, stackName: nestedStackName(parent.stackName, logicalId), templateFile },
      readTemplate(templateFile),
      exportScope,
      parametersPassedBy(parent, logicalId),
    );
    parent.nestedStacks.set(logicalId, nested);
    loaded.push(nested, ...loadNestedStacks(nested, exportScope, report));
  }
  return loaded;
}

/** From the asset metadata when synthesized with it, else from the asset manifest entry the TemplateURL points to. */
function nestedTemplateFile(parent: LoadedStack, logicalId: string): string | undefined {
  const assetPath = parent.template.resources.get(logicalId)?.metadata['aws:asset:path'];
  if (typeof assetPath === 'string') return path.resolve(parent.source.assemblyDir, assetPath);
  const templateUrl = parent.property(logicalId, 'TemplateURL');
  return typeof templateUrl === 'string' ? parent.source.assets.byUrl(templateUrl)?.sourcePath : undefined;
}
