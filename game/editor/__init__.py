"""The play screen's pure models (no pygame): the program being built and its replay.

`tree` holds immutable block trees and the functions that edit them; `editor` adds the
rules of a level (palette, block limit) and undo and redo; `convert` goes to and from
`blocks.program.Program`; `playback` replays a recorded trace.
"""
