import type { StateMachineStarter } from '../aws-endpoint';
import type { AssertionPlan } from './assertion-plan';
import { ExecutionOutcome, runStateMachine, Sleep, TaskInvoker } from './state-machine';

/**
 * The state machines of the app, started by StartExecution on the local AWS endpoint and run in the background;
 * `settled(name)` waits for an execution, so that the caller knows when its last function has run.
 */
export class LocalStateMachines implements StateMachineStarter {
  private readonly executions = new Map<string, Promise<ExecutionOutcome>>();

  constructor(
    private readonly machines: AssertionPlan['stateMachines'],
    private readonly invoke: TaskInvoker,
    private readonly sleep: Sleep,
  ) {}

  public start(stateMachineArn: string, name: string, input: unknown): boolean {
    const machine = this.machines.get(stateMachineArn);
    if (machine === undefined) return false;
    const definition = machine.stack.property(machine.logicalId, 'DefinitionString') ?? machine.stack.property(machine.logicalId, 'Definition');
    const definitionJson = typeof definition === 'string' ? definition : JSON.stringify(definition);
    const execution = runStateMachine(definitionJson, input, this.invoke, this.sleep).catch((error: unknown): ExecutionOutcome => ({
      status: 'FAILED',
      error: 'gatewaykit.NotEmulated',
      cause: error instanceof Error ? error.message : String(error),
      attempts: 0,
    }));
    this.executions.set(name, execution);
    return true;
  }

  /** How the execution named `name` ended; undefined when none was started. */
  public settled(name: string): Promise<ExecutionOutcome> | undefined {
    return this.executions.get(name);
  }
}
