using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OfficersDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReminderDueOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WaitingOn",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WaitingSince",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.InsertData(
                table: "DelaySettings",
                columns: new[] { "Code", "Article", "Duration", "Label", "StartEvent", "Unit" },
                values: new object[] { "waiting.reminder", "Pratique du service", 15, "Relance de la partie attendue", "Mise en attente ou dernière relance", 2 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "waiting.reminder");

            migrationBuilder.DropColumn(
                name: "ReminderDueOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "WaitingOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "WaitingSince",
                table: "CaseFiles");
        }
    }
}
