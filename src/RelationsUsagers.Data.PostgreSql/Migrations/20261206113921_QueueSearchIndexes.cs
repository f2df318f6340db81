using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class QueueSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Trigram indexes for the queue's search box, the undated open cases' index, statistics (RawSql.cs).
            RawSql.QueueSearchUp(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RawSql.QueueSearchDown(migrationBuilder);
        }
    }
}
