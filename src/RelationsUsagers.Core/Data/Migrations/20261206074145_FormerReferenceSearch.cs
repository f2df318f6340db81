using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <summary>
    /// The queue's search box also reads an imported case's former reference (the office's own number): both search
    /// indexes gain that column, so that a search by number still never reads the table (QueueIndexTests).
    /// Created by SQL like the indexes they replace (PersonSearchIndexes): they hold columns of a complex property.
    /// </summary>
    public partial class FormerReferenceSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_CaseFiles_OpenQueue";""");
            migrationBuilder.Sql("""DROP INDEX "IX_CaseFiles_ClosedSearch";""");
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_CaseFiles_OpenQueue";""");
            migrationBuilder.Sql("""DROP INDEX "IX_CaseFiles_ClosedSearch";""");
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
        }
    }
}
