// ChorusPostgres: the shared log on a PostgreSQL server, for a team at several machines.
//
// Owns `PostgresLog` (the same `SharedLog` seam as the folder's), the workspace's schema and
// the SECURITY DEFINER functions every write goes through, following by LISTEN/NOTIFY with a
// heartbeat and reconnection. Talks to the server only through libpq (`CLibpq`), with
// parameterised queries. Imports ChorusCore and ChorusStore.
//
// Where to start reading: `PostgresLog.swift`, then the schema it creates.
