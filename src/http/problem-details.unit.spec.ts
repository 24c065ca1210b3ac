import {
  HttpException,
  InternalServerErrorException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { DomainError, invalidState } from '../shared/domain-error';
import { NotFoundProblem, problemFor, ServiceUnavailableProblem } from './problem-details';

const PROBLEMS = 'https://khuyencong.example/problems';

describe('problemFor', () => {
  it.each<[string, unknown, string | undefined, object, boolean]>([
    [
      'gives a domain error without a field no errors list',
      invalidState('already_settled', 'Settled already'),
      undefined,
      {
        type: `${PROBLEMS}/invalid-state`,
        title: 'Step not allowed in the current state',
        status: 409,
        detail: 'Settled already',
        code: 'already_settled',
      },
      false,
    ],
    [
      'answers anything unknown with a bare 500 to be logged',
      { not: 'an error' },
      '/api/v1/projects',
      {
        type: `${PROBLEMS}/internal-error`,
        title: 'Internal error',
        status: 500,
        detail: 'Something went wrong on our side',
        instance: '/api/v1/projects',
      },
      true,
    ],
  ])('%s', (_, error, instance, problem, unexpected) => {
    const response = problemFor(error, instance);
    expect(response.problem).toEqual(problem);
    expect(response.unexpected).toBe(unexpected);
  });

  it.each<[string, unknown, object]>([
    [
      'treats a DomainError without a kind as a broken rule (422)',
      new DomainError('over_cap', 'Too much'),
      { status: 422 },
    ],
    [
      'names statuses it has no slug for by their number, in the same scheme',
      new HttpException('I am a teapot', 418),
      { type: `${PROBLEMS}/http-418`, status: 418, detail: 'I am a teapot' },
    ],
    [
      'lets a caller give its own not-found wording and code',
      new NotFoundProblem('No project p-1', 'project_not_found'),
      { status: 404, detail: 'No project p-1', code: 'project_not_found' },
    ],
  ])('%s', (_, error, problem) => {
    expect(problemFor(error).problem).toMatchObject(problem);
  });

  it('hides the message of a 5xx HttpException', () => {
    const internal = problemFor(new InternalServerErrorException('db password is hunter2'));
    expect(internal.problem.detail).toBe('Something went wrong on our side');
    expect(internal.unexpected).toBe(true);
    expect(
      problemFor(new ServiceUnavailableException('redis at 10.0.0.3 down')).problem.detail,
    ).not.toContain('10.0.0.3');
  });

  it('keeps the message and headers of a 5xx problem we threw on purpose', () => {
    const { problem, headers } = problemFor(
      new ServiceUnavailableProblem('Identity provider down', 10),
    );
    expect(problem.detail).toBe('Identity provider down');
    expect(headers).toEqual({ 'retry-after': '10' });
  });

  it('challenges for a bearer token on any 401', () => {
    expect(problemFor(new UnauthorizedException()).headers).toEqual({
      'www-authenticate': 'Bearer',
    });
  });
});
