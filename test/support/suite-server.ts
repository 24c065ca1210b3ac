import { apiClient, type ApiClient } from './http';
import { peopleOf, ProjectSteps, type People } from './lifecycle';
import { createTestServer, type TestServer, type TestServerOptions } from './test-server';

/**
 * One test server for the tests of a spec file (or of the describe block it is called in):
 * started before them, closed after them, and by default checked after each test for errors
 * it logged, since a 500 anywhere is a bug even when the test's own assertions passed.
 */

export interface SuiteServerOptions extends TestServerOptions {
  /** The district of `people`'s district officer (tan-phu unless told). */
  readonly district?: string;
  /** False where the tests are not to fail on an error the server logs. */
  readonly failOnErrorLogs?: boolean;
  /** How long the start (with `prepareDataDir` and the plans) may take. */
  readonly startTimeoutMs?: number;
}

export interface SuiteServer {
  /** Usable in the tests and in hooks registered after this call. */
  readonly server: TestServer;
  readonly api: ApiClient;
  /** One person per role, their tokens signed when the server starts. */
  readonly people: People;
  readonly steps: ProjectSteps;
}

export function useTestServer(options: SuiteServerOptions = {}): SuiteServer {
  const server = createTestServer(options);
  let signed: People | undefined;
  beforeAll(async () => {
    await server.start();
    signed = await peopleOf(server, options.district);
  }, options.startTimeoutMs);
  afterAll(async () => {
    signed = undefined;
    await server.close();
  });
  if (options.failOnErrorLogs !== false)
    afterEach(() => {
      expect(server.errorLogs()).toEqual([]);
    });

  const api = apiClient(() => server.apiUrl);
  const people = peopleSignedLater(() => {
    if (signed === undefined)
      throw new Error('The people of the test server are signed when it starts');
    return signed;
  });
  return { server, api, people, steps: new ProjectSteps(api, people) };
}

/** `People` whose tokens are read when used, so the suite can hand it out before they exist. */
function peopleSignedLater(get: () => People): People {
  return {
    get district() {
      return get().district;
    },
    get subs() {
      return get().subs;
    },
    get districtOfficer() {
      return get().districtOfficer;
    },
    get center() {
      return get().center;
    },
    get approver() {
      return get().approver;
    },
    get finance() {
      return get().finance;
    },
    get auditor() {
      return get().auditor;
    },
    get admin() {
      return get().admin;
    },
  };
}
