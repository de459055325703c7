"""Persistence behind one interface (base.Store), on SQLite or PostgreSQL.

- base: the Store protocol and the rows it returns
- engine: open_store, which picks the engine (the one function commands call)
- sql: SqlStore, the reads and writes both engines share
- sqlite: SqliteStore (TRAINER_HOME/trainer.db, one person)
- postgres: PostgresStore (a team's database; who sees what is the database's rule)
- journal: JournaledStore, a team store that keeps turns locally while the server is away
- queries: the SQL reads the stores share
- migrations: forward-only, named schema migrations, one list for both engines
- url: database URLs checked, and shown without their password
"""
