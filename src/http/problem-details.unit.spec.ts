import {
  HttpException,
  InternalServerErrorException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { DomainError, invalidState } from '../shared/domain-error';
import { NotFoundProblem, problemFor, ServiceUnavailableProblem } from './problem-details';

describe('problemFor', () => {
  it('gives a domain error without a field no errors list', () => {
    const { problem, unexpected } = problemFor(invalidState('already_settled', 'Settled already'));
    expect(problem).toEqual({
      type: 'https://khuyencong.example/problems/invalid-state',
      title: 'Step not allowed in the current state',
      status: 409,
      detail: 'Settled already',
      code: 'already_settled',
    });
    expect(unexpected).toBe(false);
  });

  it('treats a DomainError without a kind as a broken rule (422)', () => {
    expect(problemFor(new DomainError('over_cap', 'Too much')).problem.status).toBe(422);
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

  it('names statuses it has no slug for by their number, in the same scheme', () => {
    expect(problemFor(new HttpException('I am a teapot', 418)).problem).toMatchObject({
      type: 'https://khuyencong.example/problems/http-418',
      status: 418,
      detail: 'I am a teapot',
    });
  });

  it('answers anything unknown with a bare 500 to be logged', () => {
    const { problem, unexpected } = problemFor({ not: 'an error' }, '/api/v1/projects');
    expect(problem).toEqual({
      type: 'https://khuyencong.example/problems/internal-error',
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side',
      instance: '/api/v1/projects',
    });
    expect(unexpected).toBe(true);
  });

  it('lets a caller give its own not-found wording and code', () => {
    expect(
      problemFor(new NotFoundProblem('No project p-1', 'project_not_found')).problem,
    ).toMatchObject({
      status: 404,
      detail: 'No project p-1',
      code: 'project_not_found',
    });
  });
});
