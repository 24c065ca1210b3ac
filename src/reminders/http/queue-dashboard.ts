import type { createBullBoard } from '@bull-board/api';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JwtVerifier } from '../../auth/jwt-verifier';
import {
  ForbiddenProblem,
  PROBLEM_CONTENT_TYPE,
  problemFor,
  UnauthorizedProblem,
} from '../../http/problem-details';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
/** Browsers send no Authorization header for the dashboard's pages and assets: a cookie may carry the token. */
export const QUEUE_DASHBOARD_COOKIE = 'kc_admin_token';

type BoardServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i;

/**
 * Bull Board at /admin/queues for admins only. It registers plain Fastify routes, which the
 * global Nest guard never sees, so its own onRequest hook checks the token and the role
 * before anything of the dashboard runs (401 / 403 problem+json otherwise).
 *
 * Loaded when mounted, not when this file is imported: its static-file plugin pulls in an
 * ES module that Node loads natively but Jest's module loader cannot, and the rest of the
 * application must not depend on it. Resolves false (and the app runs without the board)
 * when it cannot be loaded.
 */
export async function mountQueueDashboard(
  fastify: FastifyInstance,
  queues: readonly Queue[],
  verifier: JwtVerifier,
): Promise<boolean> {
  let board: BoardModules;
  try {
    board = await loadBoard();
  } catch {
    return false;
  }
  const { createBullBoard, BullMQAdapter, FastifyAdapter } = board;
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    // @bull-board/fastify carries its own copy of @bull-board/api (a patch version apart): the
    // classes are the same at run time, but TypeScript sees two declarations.
    serverAdapter: serverAdapter as unknown as BoardServerAdapter,
    options: { uiConfig: { boardTitle: 'Khuyến công' } },
  });
  void fastify.register(
    async (scope) => {
      scope.addHook('onRequest', adminOnly(verifier));
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
  return true;
}

interface BoardModules {
  readonly createBullBoard: typeof createBullBoard;
  readonly BullMQAdapter: typeof import('@bull-board/api/bullMQAdapter').BullMQAdapter;
  readonly FastifyAdapter: typeof import('@bull-board/fastify').FastifyAdapter;
}

async function loadBoard(): Promise<BoardModules> {
  const [api, adapter, fastify] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
  ]);
  return {
    createBullBoard: api.createBullBoard,
    BullMQAdapter: adapter.BullMQAdapter,
    FastifyAdapter: fastify.FastifyAdapter,
  };
}

export function adminOnly(verifier: JwtVerifier) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      const token = tokenOf(request);
      if (!token) throw new UnauthorizedProblem('A bearer token is required', 'token_missing');
      const principal = await verifier.verify(token);
      if (!principal.roles.includes('admin')) {
        throw new ForbiddenProblem('The queue dashboard is for admins only', 'role_not_allowed');
      }
    } catch (error) {
      const { problem, headers } = problemFor(error, request.url);
      await reply
        .code(problem.status)
        .headers({ ...headers, 'content-type': PROBLEM_CONTENT_TYPE })
        .send(problem);
    }
  };
}

function tokenOf(request: FastifyRequest): string | undefined {
  const header = BEARER.exec(request.headers.authorization ?? '');
  if (header) return header[1];
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === QUEUE_DASHBOARD_COOKIE && value.length > 0)
      return decodeURIComponent(value.join('='));
  }
  return undefined;
}
