// API errors as the real server reports them: a metav1.Status with reason, code and details.
import { qualifiedKind, qualifiedName, type ResourceType } from './resources';

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

/** An error the server answers with a Status object (kind Status, status Failure). */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number },
  ) {
    super(message);
  }

  /** The JSON body of the answer. */
  toStatus(): Record<string, unknown> {
    const body: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason };
    if (this.details) body.details = this.details;
    body.code = this.code;
    return body;
  }
}

const details = (r: ResourceType, name?: string) => ({ ...(name ? { name } : {}), group: r.group, kind: r.plural });

export function notFound(r: ResourceType, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedName(r)} "${name}" not found`, details(r, name));
}

export function alreadyExists(r: ResourceType, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualifiedName(r)} "${name}" already exists`, details(r, name));
}

export function conflict(r: ResourceType, name: string): ApiError {
  return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedName(r)} "${name}": the object has been modified; please apply your changes to the latest version and try again`, details(r, name));
}

/** 403 in the wording of the RBAC authorizer. */
export function forbidden(r: ResourceType, verb: string, user: string, namespace: string | undefined, name?: string, subresource?: string): ApiError {
  const subject = name ? `${qualifiedName(r)} "${name}"` : qualifiedName(r);
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const resource = subresource ? `${r.plural}/${subresource}` : r.plural;
  return new ApiError(403, 'Forbidden', `${subject} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${r.group}" ${scope}`, details(r, name));
}

export function invalid(r: ResourceType, name: string, causes: StatusCause[]): ApiError {
  const text = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const message = `${qualifiedKind(r)} "${name}" is invalid: ${text.length > 1 ? `[${text.join(', ')}]` : text[0]}`;
  return new ApiError(422, 'Invalid', message, { name, group: r.group, kind: r.kind, causes });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

export function methodNotAllowed(): ApiError {
  return new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

export function unsupportedMediaType(accepted: string[]): ApiError {
  return new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`, {});
}

export function gone(message: string): ApiError {
  return new ApiError(410, 'Expired', message);
}
