CREATE TABLE "approval_deemed_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"notice_number" text NOT NULL,
	"deadline_on" date NOT NULL,
	"issued_on" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_item_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "approval_item_id" uuid;--> statement-breakpoint
ALTER TABLE "approval_deemed_notices" ADD CONSTRAINT "approval_deemed_notices_item_id_approval_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."approval_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_item_documents" ADD CONSTRAINT "approval_item_documents_item_id_approval_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."approval_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_item_documents" ADD CONSTRAINT "approval_item_documents_file_id_project_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."project_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_deemed_notices_item_key" ON "approval_deemed_notices" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_deemed_notices_number_key" ON "approval_deemed_notices" USING btree ("notice_number");--> statement-breakpoint
CREATE INDEX "approval_item_documents_item_idx" ON "approval_item_documents" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_item_documents_item_file_key" ON "approval_item_documents" USING btree ("item_id","file_id");--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_approval_item_id_approval_items_id_fk" FOREIGN KEY ("approval_item_id") REFERENCES "public"."approval_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problems_approval_item_idx" ON "problems" USING btree ("approval_item_id");