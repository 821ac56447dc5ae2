"""Language data for 'en'."""
