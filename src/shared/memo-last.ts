/**
 * `make(key)`, made again only when the key differs from the last call's. A projection is
 * handed the same database batch after batch: it prepares its statements once per database.
 */
export function memoLast<K, V>(make: (key: K) => V): (key: K) => V {
  let last: { readonly key: K; readonly value: V } | undefined;
  return (key) => {
    if (last?.key !== key) last = { key, value: make(key) };
    return last.value;
  };
}
