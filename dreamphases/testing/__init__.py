"""CI playthrough testing: specs (`spec`), the runner, the pytest plugin, the explorer and its reports."""
