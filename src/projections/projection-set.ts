import type { FactoryProvider } from '@nestjs/common';
import type { DiscoveryService } from '@nestjs/core';
import type { Projection } from './projection';

/**
 * The read models one feature keeps, handed to the projection runner. A feature lists
 * `featureProjections(...)` among its module's providers; the runner collects every such
 * provider when it first needs its projections (at start), so the projections module imports
 * no feature.
 */
export class FeatureProjections {
  constructor(
    readonly feature: string,
    readonly projections: readonly Projection[],
  ) {}
}

/**
 * The provider of a feature's projections: `make` receives what `inject` names (the erasure
 * projection needs the vault), and is called once, when the module is initialised.
 */
export function featureProjections<Deps extends unknown[]>(
  feature: string,
  make: (...deps: Deps) => readonly Projection[],
  inject: FactoryProvider['inject'] = [],
): FactoryProvider<FeatureProjections> {
  return {
    provide: `projections of ${feature}`,
    inject,
    useFactory: (...deps: unknown[]) => new FeatureProjections(feature, make(...(deps as Deps))),
  };
}

/** Every projection of every feature's `featureProjections` provider, wherever it is listed. */
export function discoveredProjections(discovery: DiscoveryService): Projection[] {
  return discovery
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is FeatureProjections => instance instanceof FeatureProjections)
    .flatMap((set) => set.projections);
}
