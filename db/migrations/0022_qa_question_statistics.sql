-- Search tests `$1 <% question` (pg_trgm word similarity). Its selectivity estimator (matchingsel)
-- runs word_similarity() against every histogram entry of qa_entry.question whenever a search is
-- planned: 0.7 ms of a 1.1 ms plan, for an estimate the plan does not depend on (the trigram
-- index is that branch's only path). With fewer than ten histogram entries PostgreSQL skips it
-- and takes the operator's default. Nothing else needs fine statistics on question.
ALTER TABLE "qa_entry" ALTER COLUMN "question" SET STATISTICS 5;--> statement-breakpoint
ANALYZE "qa_entry";
