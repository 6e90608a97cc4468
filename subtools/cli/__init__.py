"""The command groups that ``cli.py`` assembles into the ``subtools`` command.

This is the outermost layer: it parses options, calls ``subtools.usecases`` and
prints. Nothing in the library imports it.
"""
