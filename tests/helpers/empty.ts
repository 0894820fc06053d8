// Stands in for the `server-only` package under Vitest (outside React Server Components).
export {};
