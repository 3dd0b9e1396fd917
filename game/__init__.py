"""RoboBlocs: worlds, levels, the runner, the solver, the command line and the game screens.

Only `game.app`, `game.scenes`, `game.render` and `game.ui` import pygame.
"""
