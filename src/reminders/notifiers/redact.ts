/**
 * What a failed delivery may say about where it went. Its message becomes the job's
 * failedReason and stack in Redis, hence GET /reminders/failed, the queue dashboard and the
 * log: a URL's credentials, path and query can be secrets (a webhook token, SMTP password),
 * so errors name the host only, and any URL or credential a library put in its own message
 * is taken out.
 */

const MASK = '***';
// Shorter credentials would mask ordinary words of the message; they are never this short in use.
const MIN_MASKED_LENGTH = 3;

/** The host name of `url` alone (no credentials, port, path or query). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `text` with every URL cut down to its scheme and host, and `url`'s user and password masked. */
export function redacted(text: string, url: string): string {
  let result = text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s"'<>]+/gi, (match, scheme: string) => {
    const host = hostOf(match);
    return `${scheme}${host === 'unknown' ? MASK : host}`;
  });
  for (const secret of credentialsOf(url)) result = result.split(secret).join(MASK);
  return result;
}

/** The message of an error and of its cause, redacted. */
export function redactedMessageOf(error: unknown, url: string): string {
  if (!(error instanceof Error)) return redacted(String(error), url);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return redacted(`${error.message}${cause}`, url);
}

function credentialsOf(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  return [parsed.username, parsed.password]
    .flatMap((part) => [part, safeDecode(part)])
    .filter((part) => part.length >= MIN_MASKED_LENGTH);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
