using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <summary>
    /// Partial indexes over the open cases for the officer's queue (see CaseFileConfiguration). IX_CaseFiles_OpenQueue
    /// covers the patient and requester search columns, which belong to complex properties that EF Core 10 cannot
    /// index (efcore#31246): it is created here by SQL, outside the model, so a later migration that rebuilds the
    /// CaseFiles table must create it again (QueueIndexTests fails until it does).
    /// </summary>
    public partial class QueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_OpenQueue_Kind",
                table: "CaseFiles",
                columns: new[] { "Kind", "NextDueOn", "Reference", "Status" },
                filter: "\"Status\" NOT IN (17, 15, 16)");

            migrationBuilder.Sql(
                """
                CREATE INDEX "IX_CaseFiles_OpenQueue" ON "CaseFiles"
                    ("NextDueOn", "Reference", "Kind", "Patient_SearchName", "Requester_SearchName", "Status")
                    WHERE "Status" NOT IN (17, 15, 16);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_CaseFiles_OpenQueue";""");

            migrationBuilder.DropIndex(
                name: "IX_CaseFiles_OpenQueue_Kind",
                table: "CaseFiles");
        }
    }
}
