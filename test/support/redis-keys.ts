import Redis from 'ioredis';

/**
 * Deletes the keys the reminder queues under `prefixes` left in the Redis at `redisUrl`, so a
 * test server leaves the shared Redis as it found it; nothing to do when Redis is down.
 */
export async function removeQueueKeys(redisUrl: string, prefixes: Iterable<string>): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } catch {
    // Without Redis the servers queued nothing there.
  } finally {
    redis.disconnect();
  }
}
