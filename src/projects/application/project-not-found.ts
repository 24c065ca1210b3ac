import { NotFoundError } from '../../kernel/application-errors';

/** No such project, or one the caller may not see: both answered alike (API.md: 404, not 403). */
export function projectNotFound(): NotFoundError {
  return new NotFoundError('project_not_found', 'No such project');
}
