CREATE TABLE "org_tree" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
