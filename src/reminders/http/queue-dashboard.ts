import type { createBullBoard } from '@bull-board/api';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { JwtVerifier } from '../../auth/jwt-verifier';
import {
  adminOnly,
  QUEUE_DASHBOARD_PATH,
  registerDashboardSession,
  sameOriginOnly,
} from './dashboard-session';

type BoardServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

/**
 * Bull Board at /admin/queues for admins only. It registers plain Fastify routes, which the
 * global Nest guard never sees, so its own onRequest hooks refuse cross-origin state changes
 * (403) and check the token (header or the sign-in cookie, see dashboard-session.ts) and the
 * role before anything of the dashboard runs (401 / 403 problem+json otherwise).
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
      scope.addHook('onRequest', sameOriginOnly);
      registerDashboardSession(scope, verifier);
      await scope.register(async (board) => {
        board.addHook('onRequest', adminOnly(verifier));
        await board.register(serverAdapter.registerPlugin());
      });
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
