"""Compiled kernels of the accessibility package (numba); no pandas or geometry here."""
