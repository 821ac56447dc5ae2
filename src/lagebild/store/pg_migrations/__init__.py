"""PostgreSQL migrations of the store: `NNNN_name.sql`, applied in order by lagebild.store.postgres."""
