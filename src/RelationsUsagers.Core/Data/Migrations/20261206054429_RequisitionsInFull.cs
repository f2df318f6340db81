using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RequisitionsInFull : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeadOfDepartmentPresent",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeizedItems",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeizureJurisdiction",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeizureMagistrate",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SeizureMinutesReceived",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeizureOfficer",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeizurePlace",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SeizurePlannedOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServicesTold",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            // Requisitions stored before this version have told no service yet: an empty list, as a new one starts.
            migrationBuilder.Sql("""UPDATE "CaseFiles" SET "ServicesTold" = '[]' WHERE "Kind" = 4;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeadOfDepartmentPresent",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "SeizedItems",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "SeizureJurisdiction",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "SeizureMagistrate",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "SeizureMinutesReceived",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "SeizureOfficer",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "SeizurePlace",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "SeizurePlannedOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "ServicesTold",
                table: "CaseFiles");
        }
    }
}
