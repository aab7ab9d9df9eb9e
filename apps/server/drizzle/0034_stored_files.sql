CREATE TABLE "stored_file_chunks" (
	"stored_name" text NOT NULL,
	"part" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_file_chunks_stored_name_part_pk" PRIMARY KEY("stored_name","part")
);
