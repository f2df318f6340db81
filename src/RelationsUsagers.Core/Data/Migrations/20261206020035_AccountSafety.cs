using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountSafety : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DatabaseFacts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatabaseFacts", x => x.Key);
                });

            // A database from before the mark that the demo created: demo accounts, no other account, and no case but the
            // demo's (seeded, or created by a demo account). A real database where the demo was once switched on keeps
            // its real accounts or cases and is not marked.
            migrationBuilder.Sql("""
                INSERT INTO "DatabaseFacts" ("Key", "Value", "RecordedAtUtc")
                SELECT 'demo-database', 'true', strftime('%Y-%m-%d %H:%M:%S', 'now')
                WHERE EXISTS (SELECT 1 FROM "AspNetUsers" WHERE "IsDemo" = 1)
                  AND NOT EXISTS (SELECT 1 FROM "AspNetUsers" WHERE "IsDemo" = 0)
                  AND NOT EXISTS (SELECT 1 FROM "CaseFiles" c WHERE c."CreatedBy" <> 'demo'
                                  AND c."CreatedBy" NOT IN (SELECT "UserName" FROM "AspNetUsers" WHERE "IsDemo" = 1 AND "UserName" IS NOT NULL));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DatabaseFacts");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "AspNetUsers");
        }
    }
}
