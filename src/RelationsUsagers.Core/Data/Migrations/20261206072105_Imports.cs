using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormerReference",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ServiceAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Alias = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceAliases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAliases_Key",
                table: "ServiceAliases",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceAliases");

            migrationBuilder.DropColumn(
                name: "FormerReference",
                table: "CaseFiles");
        }
    }
}
