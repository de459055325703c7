"""Practice, wired together: the floor above the session, the store and the
grader, where a session for a scenario is built from the library, finished,
graded and saved.

- factory: new, resumed and finished sessions (the chat and the app use these)
- simulation: bot trainees that play scenarios (`trainer simulate`)
- progress: one trainee's progress (the Progress screen)
"""
