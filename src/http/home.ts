export interface HomeFacts {
  version: string;
  seed: number;
  /** The revision a call gets unless it picks one. */
  revision: string;
}

/**
 * The one line the CLI prints on stdout once it listens, whatever the log level: where it is, its
 * dashboard and docs, the revision it speaks and the state it starts from.
 */
export function startupLine(url: string, facts: HomeFacts & { database: string }): string {
  return (
    `massive-mock ${facts.version} listening at ${url} ` +
    `(dashboard ${url}/, docs ${url}/docs, revision ${facts.revision}, seed ${facts.seed}, database ${facts.database})`
  );
}
