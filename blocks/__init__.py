"""The children's language: block catalogue, programs, their two text forms and the interpreter.

Nothing here knows about worlds or screens; `game` builds on it.
"""
