using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditIdSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing on SQLite: a row inserted without its number takes the one after the largest the table has held
            // (AUTOINCREMENT), whoever numbered the rows. PostgreSQL's migration of the same name sets its identity
            // sequence past the existing rows. Kept so that both providers' migrations stay in step.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
