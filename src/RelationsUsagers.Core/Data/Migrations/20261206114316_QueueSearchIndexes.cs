using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class QueueSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing on SQLite: PostgreSQL's migration of the same name adds trigram indexes (pg_trgm) and extended
            // statistics, which SQLite has no equivalent of; its partial B-trees serve the queue at 100,000 cases (README).
            // Kept so that both providers' migrations stay in step.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
