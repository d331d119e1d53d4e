/**
 * An error the local control plane answers with, as AWS does: an HTTP status and the error's type (the name the SDK
 * gives the exception it throws, e.g. `NotFoundException`).
 */
export class ControlPlaneError extends Error {
  constructor(public readonly status: number, public readonly type: string, message: string) {
    super(message);
  }
}

/** API Gateway's 404 for an unknown API, stage, usage plan or key. */
export function notFound(message: string): ControlPlaneError {
  return new ControlPlaneError(404, 'NotFoundException', message);
}

/** API Gateway's 400 for a request it cannot carry out as written. */
export function badRequest(message: string): ControlPlaneError {
  return new ControlPlaneError(400, 'BadRequestException', message);
}

/** API Gateway's 409, e.g. for a key already in a usage plan. */
export function conflict(message: string): ControlPlaneError {
  return new ControlPlaneError(409, 'ConflictException', message);
}
