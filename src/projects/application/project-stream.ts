/** Stream naming (ARCHITECTURE.md): one stream per support project. */
export const PROJECT_STREAM_PREFIX = 'support-project-';

export function projectStreamId(projectId: string): string {
  return `${PROJECT_STREAM_PREFIX}${projectId}`;
}

export function projectIdOf(streamId: string): string | undefined {
  return streamId.startsWith(PROJECT_STREAM_PREFIX)
    ? streamId.slice(PROJECT_STREAM_PREFIX.length)
    : undefined;
}
