-- Trigram matching for the knowledge base (partial matches on questions). PGlite loads the
-- extension module at open (kernel/db.ts); PostgreSQL ships it in contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
