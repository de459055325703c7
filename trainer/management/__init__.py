"""What managers need: assignments and their statuses, the team report and its
renderings, and moving sessions between machines. Textual-free, and built
only on the Store interface.

- assignments: checking what a manager typed; an assignment's status; which
  assignment an attempt counts against (a new session, an import)
- categories: filing trainee turns under objection categories; the weakest
- report: the Report (per assignment, per trainee, per category)
- tables, html, charts: the report as text, CSV, and one self-contained page
- transfer: export a session as Markdown or JSON; import transcripts
- clock: today's date, in one place for tests to move
"""
