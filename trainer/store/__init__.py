"""Persistence behind one interface (base.Store), implemented on SQLite.

- base: the Store protocol and the rows it returns
- sqlite: SqliteStore and open_store (TRAINER_HOME/trainer.db)
- queries: the SQL reads the store shares
- migrations: forward-only, named schema migrations
"""
