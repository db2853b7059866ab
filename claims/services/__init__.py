"""What the workbench does, as plain functions called by views, tasks, commands and tests."""
