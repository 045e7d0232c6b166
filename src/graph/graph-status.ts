/**
 * The HTTP status of a failed Graph call (GraphError.statusCode), if it got an answer. Apart
 * from graph-client.ts so that the services using it do not load the Graph SDK by themselves.
 */
export function graphStatusOf(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status > 0 ? status : undefined;
}
