"""The grid world as a pure model: tiles, boards, the rules of one action, sensors and goals."""
