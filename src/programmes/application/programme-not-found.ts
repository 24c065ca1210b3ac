import { NotFoundError } from '../../kernel/application-errors';

export function programmeNotFound(code: string): NotFoundError {
  return new NotFoundError('programme_not_found', `There is no programme ${code}`);
}
