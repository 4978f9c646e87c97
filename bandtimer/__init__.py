"""bandtimer: a terminal workout timer for resistance-band strength training for runners."""

__version__ = "0.1.0"
