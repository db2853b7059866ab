"""How pages read data: each function returns exactly what one page or export needs."""
