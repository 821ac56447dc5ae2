"""Language data for 'it'."""
