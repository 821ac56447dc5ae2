"""Language data for 'fr'."""
