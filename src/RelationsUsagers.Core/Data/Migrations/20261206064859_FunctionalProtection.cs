using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FunctionalProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgentGrade",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgentService",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgentStatus",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AuthorKnown",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Beneficiaries",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Costs",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Decision",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionMaker",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecisionOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionReasons",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DirectorInvolved",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EndKind",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FactsPlace",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FactsType",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Ground",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measures",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PoliceComplaintNumber",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PoliceComplaintOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProtectionCase_FactsOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReasonsRequestedOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReasonsSentOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.InsertData(
                table: "DelaySettings",
                columns: new[] { "Code", "Article", "Duration", "Label", "StartEvent", "Unit", "WarningDays" },
                values: new object[,]
                {
                    { "protection.implicit-rejection", "CRPA art. L.231-4 ; CGFP art. L.134-1", 2, "Décision implicite de rejet (protection fonctionnelle)", "received", 3, 15 },
                    { "protection.reasons", "CRPA art. L.232-4", 1, "Communication des motifs du rejet implicite", "Demande des motifs du rejet implicite", 3, 2 }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "protection.implicit-rejection");

            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "protection.reasons");

            migrationBuilder.DropColumn(
                name: "AgentGrade",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "AgentService",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "AgentStatus",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "AuthorKnown",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "Beneficiaries",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "Costs",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "Decision",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "DecisionMaker",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "DecisionOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "DecisionReasons",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "DirectorInvolved",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "EndKind",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "FactsPlace",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "FactsType",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "Ground",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "Measures",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "PoliceComplaintNumber",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "PoliceComplaintOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "ProtectionCase_FactsOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "ReasonsRequestedOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "ReasonsSentOn",
                table: "CaseFiles");
        }
    }
}
