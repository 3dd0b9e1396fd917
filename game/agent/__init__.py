"""The learning robot: a Gymnasium-shaped environment over the grid world and Q-learning.

Pure (numpy only, never pygame): the command line, the bench and the AI lab screen all
drive the same objects. Gymnasium itself is optional (`game.agent.gym_env`).
"""
