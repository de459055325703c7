"""The role-play, Textual-free.

- director: BuyerState and the Director that chooses the buyer's next move
- session: the Session (turns, autosave, undo, rewind, fork, resume, retry)
- transcript: the public transcript JSON and reading it
- factory: building, resuming and finishing sessions from the library
- coach: the `/hint` coach, in LAER terms
- simulation: bot trainees that play scenarios (`trainer simulate`)
- progress: a trainee's progress summary (the Progress screen)
"""
