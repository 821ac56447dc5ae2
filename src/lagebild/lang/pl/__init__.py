"""Language data for 'pl'."""
