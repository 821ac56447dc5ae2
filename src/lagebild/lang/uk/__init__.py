"""Language data for 'uk'."""
