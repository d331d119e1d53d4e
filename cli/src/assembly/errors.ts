/** The cloud assembly cannot be read: the message names the file and says what is wrong and what is expected. */
export class AssemblyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssemblyError';
  }
}
