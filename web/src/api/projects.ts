import { useQuery } from '@tanstack/react-query';
import { api, read } from './client';
import type { HistoryEvent, Project } from './types';

/** The project, read at least as fresh as the last command this tab sent (minPosition). */
export function useProject(id: string, minPosition?: string) {
  return useQuery({
    queryKey: ['project', id, minPosition ?? null],
    queryFn: () =>
      read<Project>(
        api.GET('/api/v1/projects/{id}', {
          params: { path: { id }, query: minPosition ? { minPosition } : {} },
        }),
      ),
  });
}

export function useHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: ['history', id],
    enabled,
    retry: false,
    queryFn: () =>
      read<{ events: HistoryEvent[] }>(
        api.GET('/api/v1/projects/{id}/history', { params: { path: { id } } }),
      ),
  });
}
