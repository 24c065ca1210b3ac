import { useQuery } from '@tanstack/react-query';
import { api, read } from './client';
import type { CatalogueEntry, Listing, Unit } from './types';

/** Reference data in force today: the names the console shows beside the server's codes. */

const HOUR = 60 * 60 * 1000;

export function useUnits() {
  return useQuery({
    queryKey: ['reference', 'units'],
    queryFn: () => read<Listing<Unit>>(api.GET('/api/v1/reference/units')),
    staleTime: HOUR,
  });
}

export function useActivityTypes() {
  return useQuery({
    queryKey: ['reference', 'activity-types'],
    queryFn: () => read<Listing<CatalogueEntry>>(api.GET('/api/v1/reference/activity-types')),
    staleTime: HOUR,
  });
}

export function useIndicators() {
  return useQuery({
    queryKey: ['reference', 'indicators'],
    queryFn: () => read<Listing<CatalogueEntry>>(api.GET('/api/v1/reference/indicators')),
    staleTime: HOUR,
  });
}

export function useFundingSources() {
  return useQuery({
    queryKey: ['reference', 'funding-sources'],
    queryFn: () => read<Listing<CatalogueEntry>>(api.GET('/api/v1/reference/funding-sources')),
    staleTime: HOUR,
  });
}

/** code → name, also by a unit's former district keys (plans of earlier years name those). */
export function useNames() {
  const units = useUnits().data?.items ?? [];
  const types = useActivityTypes().data?.items ?? [];
  const indicators = useIndicators().data?.items ?? [];
  const sources = useFundingSources().data?.items ?? [];
  const unitNames = new Map<string, string>();
  for (const unit of units) {
    unitNames.set(unit.code, unit.name);
    for (const key of unit.formerKeys ?? []) if (!unitNames.has(key)) unitNames.set(key, unit.name);
  }
  const of = (list: readonly CatalogueEntry[]) => new Map(list.map((e) => [e.code, e.name]));
  const typeNames = of(types);
  const indicatorNames = of(indicators);
  const sourceNames = of(sources);
  return {
    unit: (code: string | null | undefined) => (code ? (unitNames.get(code) ?? code) : '—'),
    activityType: (code: string) => typeNames.get(code) ?? code,
    indicator: (code: string) => indicatorNames.get(code) ?? code,
    indicatorUnit: (code: string) => indicators.find((i) => i.code === code)?.unit ?? '',
    fundingSource: (code: string) => sourceNames.get(code) ?? code,
    units,
    types,
    indicators,
    sources,
  };
}
