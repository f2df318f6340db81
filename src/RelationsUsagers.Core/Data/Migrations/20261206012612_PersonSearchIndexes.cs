using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <summary>
    /// Finding a person: the queue's search box also reads the IPP, so the open-queue index gains that column and the
    /// search still never reads the table; when no open case matches, the closed ones are counted from their own partial
    /// index (the same search columns, after Status so that SQLite prefers it to IX_CaseFiles_Status_NextDueOn, which
    /// would read the table); the new-case page looks a person up by IPP or by name among all the cases.
    /// Like IX_CaseFiles_OpenQueue, these index columns of complex properties, which EF Core 10 cannot model
    /// (efcore#31246): created by SQL, checked by QueueIndexTests and PersonCasesTests.
    /// </summary>
    public partial class PersonSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_CaseFiles_OpenQueue";""");
            migrationBuilder.Sql(
                """
                CREATE INDEX "IX_CaseFiles_OpenQueue" ON "CaseFiles"
                    ("NextDueOn", "Reference", "Kind", "Patient_SearchName", "Requester_SearchName", "Patient_PatientNumber", "Status")
                    WHERE "Status" NOT IN (17, 15, 16);
                """);
            migrationBuilder.Sql(
                """
                CREATE INDEX "IX_CaseFiles_ClosedSearch" ON "CaseFiles"
                    ("Status", "Kind", "Reference", "Patient_SearchName", "Requester_SearchName", "Patient_PatientNumber")
                    WHERE "Status" IN (17, 15, 16);
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_CaseFiles_Patient_PatientNumber" ON "CaseFiles" ("Patient_PatientNumber");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_CaseFiles_Patient_SearchName" ON "CaseFiles" ("Patient_SearchName", "Patient_BirthDate");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_CaseFiles_Patient_SearchName";""");
            migrationBuilder.Sql("""DROP INDEX "IX_CaseFiles_Patient_PatientNumber";""");
            migrationBuilder.Sql("""DROP INDEX "IX_CaseFiles_ClosedSearch";""");
            migrationBuilder.Sql("""DROP INDEX "IX_CaseFiles_OpenQueue";""");
            migrationBuilder.Sql(
                """
                CREATE INDEX "IX_CaseFiles_OpenQueue" ON "CaseFiles"
                    ("NextDueOn", "Reference", "Kind", "Patient_SearchName", "Requester_SearchName", "Status")
                    WHERE "Status" NOT IN (17, 15, 16);
                """);
        }
    }
}
