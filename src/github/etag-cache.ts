// Conditional reads: remembers each read's ETag and answers a 304 Not Modified from the cached value,
// which GitHub does not count against the rate limit.
import { isStatus } from "./errors.js";

export interface EtagCache {
  read<T>(
    key: string,
    call: (headers: Record<string, string>) => Promise<{ data: T; headers: { etag?: string } }>,
  ): Promise<T>;
}

export function createEtagCache(onNotModified: () => void, maxEntries = 500): EtagCache {
  const entries = new Map<string, { etag: string; data: unknown }>();
  return {
    async read<T>(
      key: string,
      call: (headers: Record<string, string>) => Promise<{ data: T; headers: { etag?: string } }>,
    ): Promise<T> {
      const cached = entries.get(key);
      try {
        const response = await call(cached ? { "if-none-match": cached.etag } : {});
        entries.delete(key);
        if (response.headers.etag) {
          entries.set(key, { etag: response.headers.etag, data: response.data });
          if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
        }
        return response.data;
      } catch (error) {
        if (cached && isStatus(error, 304)) {
          onNotModified();
          return cached.data as T;
        }
        throw error;
      }
    },
  };
}
