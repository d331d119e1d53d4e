import { Aspects } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Calls `forget` at the start of every synthesis of the app holding `scope`, when aws-cdk-lib invokes the Aspects and
 * before anything is resolved for the templates: what a synthesis remembers never reaches the next one.
 */
export function forgetAtEverySynthesis(scope: IConstruct, forget: () => void): void {
  Aspects.of(scope).add({
    visit: (node) => {
      if (node === scope) {
        forget();
      }
    },
  });
}

/** The template of a (nested) stack, as aws-cdk-lib renders it; internal to aws-cdk-lib, absent in a version that renames it. */
interface TemplateRendering {
  _toCloudFormation?: () => unknown;
}

/**
 * Renders the nested stack's template once per synthesis instead of twice.
 *
 * aws-cdk-lib renders a nested stack's template when it prepares the app, to name the template's asset by the hash of
 * its content, and again when it writes the file, resolving every resource of the stack each time. The template the
 * asset is named after is the one the file must hold, so the first rendering is written. Without aws-cdk-lib's
 * method (a future version may rename it), the template is rendered as before.
 */
export function renderTemplateOncePerSynthesis(stack: IConstruct): void {
  const target = stack as IConstruct & TemplateRendering;
  const render = target._toCloudFormation;
  if (typeof render !== 'function') {
    return;
  }
  let template: unknown;
  target._toCloudFormation = () => (template ??= render.call(stack));
  forgetAtEverySynthesis(stack, () => {
    template = undefined;
  });
}
