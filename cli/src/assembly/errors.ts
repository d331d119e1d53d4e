/** The cloud assembly cannot be read: the message names the file and says what is wrong and what is expected. */
export class AssemblyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssemblyError';
  }
}

/**
 * A property whose intrinsics do not resolve to a local value: typically one built from a parameter the template
 * leaves to deploy time (the assets of the legacy synthesizer, `DeployTimeSubstitutedFile`), which CloudFormation knows
 * and the cloud assembly does not.
 */
export class UnresolvedPropertyError extends AssemblyError {
  constructor(
    file: string,
    /** The resource whose property it is. */
    public readonly logicalId: string,
    /** `resource {logicalId} ({type}) property {name}`. */
    public readonly subject: string,
    public readonly property: string,
    /** What the resolution stumbled on. */
    public readonly problem: string,
  ) {
    super(`${file}: ${subject}: ${problem}`);
    this.name = 'UnresolvedPropertyError';
  }
}
