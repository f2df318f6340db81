using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AuditIdSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit's identity sequence set past the rows already numbered by the portal (RawSql.cs).
            RawSql.AuditIdSequenceUp(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the previous version numbers the rows itself, wherever the sequence stands.
        }
    }
}
