"""The program a child is building on the play screen, as a pure model (no pygame).

`tree` holds immutable block trees and the functions that edit them; `editor` adds the
rules of a level (palette, block limit), undo and redo, and conversion to and from
`blocks.program.Program`.
"""
