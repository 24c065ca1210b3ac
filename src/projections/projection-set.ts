import { DiscoveryService } from '@nestjs/core';
import type { Projection } from './projection';

/**
 * The read models one feature keeps, handed to the projection runner. A feature lists a
 * provider implementing this among its module's providers, decorated with
 * `@ProjectionSetProvider()`; the runner collects every such provider when it first needs its
 * projections (at start), so the projections module imports no feature.
 */
export interface ProjectionSet {
  readonly projections: readonly Projection[];
}

export const ProjectionSetProvider = DiscoveryService.createDecorator<void>();

/** Every projection of every provider marked @ProjectionSetProvider(), wherever it is listed. */
export function discoveredProjections(discovery: DiscoveryService): Projection[] {
  return discovery
    .getProviders({ metadataKey: ProjectionSetProvider.KEY })
    .flatMap((wrapper) => (wrapper.instance as ProjectionSet).projections);
}
