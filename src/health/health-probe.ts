/** A part that reports its state on /health (Redis, the reminder queue); it never fails the request. */
export interface HealthProbe {
  readonly name: string;
  check(): Promise<{ status: 'up' | 'down' | 'degraded'; [detail: string]: unknown }>;
}

export const HEALTH_PROBES = Symbol('HEALTH_PROBES');
