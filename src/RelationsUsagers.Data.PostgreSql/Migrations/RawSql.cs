using Microsoft.EntityFrameworkCore.Migrations;

namespace RelationsUsagers.Data.PostgreSql.Migrations;

/// <summary>
/// The SQL that SQLite's migrations (RelationsUsagers.Core/Data/Migrations) add outside the EF model, rewritten for
/// PostgreSQL: the queue's and the person search's indexes over columns of complex properties, which EF Core 10 cannot
/// model (efcore#31246; QueueIndexes, PersonSearchIndexes, FormerReferenceSearch), and the triggers that keep the audit
/// trail (Initial) and the suspension log (LegalClock) append-only. SQLite's RAISE(ABORT) becomes a trigger function that
/// raises; its data fixes (UPDATE of earlier rows) have nothing to fix in a database created at this migration.
/// Later migrations' SQL for PostgreSQL lives here too, one pair of methods each (<see cref="QueueSearchUp"/>).
/// </summary>
internal static class RawSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        // The open queue and its search box read only this partial index; the closed cases are counted from their own.
        // PostgreSQL matches the WHERE by meaning, not by text, but it is the very text of CaseFileConfiguration.OpenCaseFilter.
        migrationBuilder.Sql(
            """
            CREATE INDEX "IX_CaseFiles_OpenQueue" ON "CaseFiles"
                ("NextDueOn", "Reference", "Kind", "Patient_SearchName", "Requester_SearchName", "Patient_PatientNumber", "FormerReference", "Status")
                WHERE "Status" NOT IN (17, 15, 16);
            """);
        migrationBuilder.Sql(
            """
            CREATE INDEX "IX_CaseFiles_ClosedSearch" ON "CaseFiles"
                ("Status", "Kind", "Reference", "Patient_SearchName", "Requester_SearchName", "Patient_PatientNumber", "FormerReference")
                WHERE "Status" IN (17, 15, 16);
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_CaseFiles_Patient_PatientNumber" ON "CaseFiles" ("Patient_PatientNumber");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_CaseFiles_Patient_SearchName" ON "CaseFiles" ("Patient_SearchName", "Patient_BirthDate");""");

        // The audit trail is append-only: no update, no delete, no truncate (the same message as SQLite's triggers).
        migrationBuilder.Sql(
            """
            CREATE FUNCTION "AuditEntries_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit trail is append-only' USING ERRCODE = 'restrict_violation';
            END;
            $$;
            """);
        migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"();""");
        migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"();""");
        migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntries_AppendOnly"();""");

        // The suspension log is append-only (a moved due date must stay explainable): no delete, and an update may only
        // set EndedOn/EndedBy once, on or after StartedOn. LegalClockService enforces the same rules.
        migrationBuilder.Sql(
            """
            CREATE FUNCTION "ClockSuspensions_NoDelete"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'Le journal des suspensions ne peut pas être supprimé.' USING ERRCODE = 'restrict_violation';
            END;
            $$;
            """);
        migrationBuilder.Sql(
            """
            CREATE FUNCTION "ClockSuspensions_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW."Id" IS DISTINCT FROM OLD."Id"
                    OR NEW."CaseFileId" IS DISTINCT FROM OLD."CaseFileId"
                    OR NEW."ClockCode" IS DISTINCT FROM OLD."ClockCode"
                    OR NEW."Reason" IS DISTINCT FROM OLD."Reason"
                    OR NEW."StartedOn" IS DISTINCT FROM OLD."StartedOn"
                    OR NEW."StartedBy" IS DISTINCT FROM OLD."StartedBy"
                    OR (OLD."EndedOn" IS NOT NULL AND (NEW."EndedOn" IS DISTINCT FROM OLD."EndedOn" OR NEW."EndedBy" IS DISTINCT FROM OLD."EndedBy"))
                    OR (NEW."EndedOn" IS NULL AND NEW."EndedBy" IS NOT NULL)
                    OR NEW."EndedOn" < NEW."StartedOn"
                THEN
                    RAISE EXCEPTION 'Le journal des suspensions ne peut pas être modifié : seule la reprise peut être enregistrée, une fois.'
                        USING ERRCODE = 'restrict_violation';
                END IF;
                RETURN NEW;
            END;
            $$;
            """);
        migrationBuilder.Sql("""CREATE TRIGGER "TR_ClockSuspensions_NoDelete" BEFORE DELETE ON "ClockSuspensions" FOR EACH ROW EXECUTE FUNCTION "ClockSuspensions_NoDelete"();""");
        migrationBuilder.Sql("""CREATE TRIGGER "TR_ClockSuspensions_AppendOnly" BEFORE UPDATE ON "ClockSuspensions" FOR EACH ROW EXECUTE FUNCTION "ClockSuspensions_AppendOnly"();""");
    }

    /// <summary>
    /// The QueueSearchIndexes migration, PostgreSQL only (SQLite's is empty: its queue reads its partial B-trees well at
    /// 100,000 cases). At 1,000,000 cases (README, Benchmarks) the search box's <c>LIKE '%…%'</c> is served by no B-tree,
    /// the undated open cases were read in Reference order from the unique index, and the planner underestimated the open
    /// cases with a deadline (Status and NextDueOn are correlated).
    /// </summary>
    public static void QueueSearchUp(MigrationBuilder migrationBuilder)
    {
        // Trusted since PostgreSQL 13: the database's owner may create it. DatabaseSetup creates it before any migration
        // runs, so that an account that may not fails at start-up with its own message instead of half-way.
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
        // Every column the search box tests (CaseQueueService.Apply: the name branch's LIKE and StartsWith, the number
        // branch's ILIKE), one GIN index per side of the queue, as the B-trees: the open queue, and the closed cases that
        // CountClosedMatchesAsync counts. A multi-column GIN index serves each arm of the OR (one bitmap per arm).
        migrationBuilder.Sql(
            """
            CREATE INDEX "IX_CaseFiles_OpenSearch_Trigram" ON "CaseFiles" USING gin
                ("Reference" gin_trgm_ops, "Patient_SearchName" gin_trgm_ops, "Requester_SearchName" gin_trgm_ops,
                 "Patient_PatientNumber" gin_trgm_ops, "FormerReference" gin_trgm_ops)
                WHERE "Status" NOT IN (17, 15, 16);
            """);
        migrationBuilder.Sql(
            """
            CREATE INDEX "IX_CaseFiles_ClosedSearch_Trigram" ON "CaseFiles" USING gin
                ("Reference" gin_trgm_ops, "Patient_SearchName" gin_trgm_ops, "Requester_SearchName" gin_trgm_ops,
                 "Patient_PatientNumber" gin_trgm_ops, "FormerReference" gin_trgm_ops)
                WHERE "Status" IN (17, 15, 16);
            """);
        // The urgency order's second part (undated open cases by reference): PostgreSQL does not read NextDueOn IS NULL as
        // fixing the first column of IX_CaseFiles_OpenQueue, so it needs an index of its own in Reference order.
        migrationBuilder.Sql(
            """
            CREATE INDEX "IX_CaseFiles_OpenUndated" ON "CaseFiles" ("Reference")
                WHERE "NextDueOn" IS NULL AND "Status" NOT IN (17, 15, 16);
            """);
        // Closed cases have no deadline: without statistics on the pair, "open and dated" is estimated as the product of
        // the two and underestimated about threefold.
        migrationBuilder.Sql("""CREATE STATISTICS "ST_CaseFiles_Status_NextDueOn" (dependencies, mcv) ON "Status", "NextDueOn" FROM "CaseFiles";""");
        migrationBuilder.Sql("""ANALYZE "CaseFiles";""");
    }

    public static void QueueSearchDown(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP STATISTICS IF EXISTS "ST_CaseFiles_Status_NextDueOn";""");
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseFiles_OpenUndated";""");
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseFiles_ClosedSearch_Trigram";""");
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseFiles_OpenSearch_Trigram";""");
        // The extension stays: another schema or application of the database may use it.
    }

    /// <summary>
    /// AuditIdSequence: the portal now takes the audit rows' numbers from the identity's sequence of "AuditEntries"."Id"
    /// (AuditChain). Until then it numbered them itself and the sequence stayed at its start: it is set past the rows
    /// already there, so that a row inserted without its number (a DBA's) takes the next one instead of a used one.
    /// </summary>
    public static void AuditIdSequenceUp(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(
            """
            SELECT setval(pg_get_serial_sequence('"AuditEntries"', 'Id'), COALESCE(MAX("Id"), 0) + 1, false) FROM "AuditEntries";
            """);

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_ClockSuspensions_AppendOnly" ON "ClockSuspensions";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_ClockSuspensions_NoDelete" ON "ClockSuspensions";""");
        migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "ClockSuspensions_AppendOnly"();""");
        migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "ClockSuspensions_NoDelete"();""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoTruncate" ON "AuditEntries";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoDelete" ON "AuditEntries";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate" ON "AuditEntries";""");
        migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "AuditEntries_AppendOnly"();""");
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseFiles_Patient_SearchName";""");
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseFiles_Patient_PatientNumber";""");
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseFiles_ClosedSearch";""");
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseFiles_OpenQueue";""");
    }
}
