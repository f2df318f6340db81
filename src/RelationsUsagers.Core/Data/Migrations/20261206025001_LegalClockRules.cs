using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LegalClockRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WarningDays",
                table: "DelaySettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "AcknowledgementCarriedMentions",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CadaOpinionOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CadaReferredOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Complaint_FactsOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Damage",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DamageDiscoveredOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DebtAcknowledgedOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DecisionCarriedRemedies",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpertiseCompletedOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpertiseOrderedOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FinalOfferOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InformationAgeOverride",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InformationAgeOverrideReason",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InitialDueOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InsurerAcceptanceReceivedOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InsurerOpinionReceivedOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MostRecentInformationOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OfferIsProvisional",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OnSiteOfferedOn",
                table: "CaseFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "access.2-months",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "access.8-days",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "access.reflection-48h",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.cci-opinion",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.implicit-rejection",
                columns: new[] { "Article", "WarningDays" },
                values: new object[] { "CRPA art. L.231-4 ; CJA art. R.421-2", 15 });

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.insurer-declaration",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.insurer-offer",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.payment",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.prescription",
                columns: new[] { "Article", "WarningDays" },
                values: new object[] { "CSP art. L.1142-28 ; L.1142-7 ; C. civ. art. 2235, 2239, 2240", 90 });

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "complaint.acknowledgement",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "complaint.answer-after-cdu",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "complaint.answer-target",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "complaint.mediation-meeting",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "complaint.mediation-report",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "requisition.due-date",
                column: "WarningDays",
                value: 2);

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "waiting.reminder",
                column: "WarningDays",
                value: 2);

            migrationBuilder.InsertData(
                table: "DelaySettings",
                columns: new[] { "Code", "Article", "Duration", "Label", "StartEvent", "Unit", "WarningDays" },
                values: new object[,]
                {
                    { "access.cada-opinion", "CRPA art. R.343-3", 1, "Avis de la CADA", "cada-referred", 3, 2 },
                    { "access.cada-referral", "CRPA art. L.342-1, R.343-1", 2, "Saisine de la CADA par le demandeur", "Refus exprès ou implicite", 3, 2 },
                    { "access.implicit-refusal", "CRPA art. R.311-13", 1, "Refus implicite (silence d'un mois)", "received", 3, 2 },
                    { "claim.court-time-limit", "CJA art. R.421-1, R.421-2, R.421-5 ; CRPA L.112-6 ; CSP L.1142-7", 2, "Recours devant le tribunal administratif", "Décision expresse notifiée ou décision implicite de rejet", 3, 15 },
                    { "claim.final-offer", "CSP art. L.1142-14 al.4", 2, "Offre définitive de l'assureur", "consolidation", 3, 2 },
                    { "claim.prescription-four-years", "Loi n° 68-1250 du 31 décembre 1968, art. 1 et 2", 4, "Prescription quadriennale", "1er janvier suivant les faits ou la dernière réclamation écrite", 4, 90 },
                    { "complaint.damage-information", "CSP art. L.1142-4", 15, "Entretien d'information sur le dommage", "Découverte du dommage ou demande expresse", 2, 2 },
                    { "complaint.oral-copy", "CSP art. R.1112-91", 2, "Copie de la plainte orale consignée", "received", 2, 2 },
                    { "complaint.report-forwarding", "CSP art. R.1112-94 al.1", 2, "Envoi du compte rendu aux membres de la CDU et au plaignant", "mediation-report-sent", 2, 2 }
                });

            // The five-year rule was a tick box: a ticked request keeps its reading as the officer's, with a reason, until
            // the date of its most recent information is entered and the rule is computed (R.1111-1 al.4).
            migrationBuilder.Sql("""
                UPDATE CaseFiles SET InformationAgeOverride = 1,
                    InformationAgeOverrideReason = 'Case « Informations de plus de cinq ans » cochée avant le calcul par la date des informations.'
                WHERE Kind = 3 AND InformationOlderThanFiveYears = 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "access.cada-opinion");

            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "access.cada-referral");

            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "access.implicit-refusal");

            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.court-time-limit");

            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.final-offer");

            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.prescription-four-years");

            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "complaint.damage-information");

            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "complaint.oral-copy");

            migrationBuilder.DeleteData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "complaint.report-forwarding");

            migrationBuilder.DropColumn(
                name: "WarningDays",
                table: "DelaySettings");

            migrationBuilder.DropColumn(
                name: "AcknowledgementCarriedMentions",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "CadaOpinionOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "CadaReferredOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "Complaint_FactsOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "Damage",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "DamageDiscoveredOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "DebtAcknowledgedOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "DecisionCarriedRemedies",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "ExpertiseCompletedOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "ExpertiseOrderedOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "FinalOfferOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "InformationAgeOverride",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "InformationAgeOverrideReason",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "InitialDueOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "InsurerAcceptanceReceivedOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "InsurerOpinionReceivedOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "MostRecentInformationOn",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "OfferIsProvisional",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "OnSiteOfferedOn",
                table: "CaseFiles");

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.implicit-rejection",
                column: "Article",
                value: "CJA art. R.421-2 ; suspension CSP L.1142-7");

            migrationBuilder.UpdateData(
                table: "DelaySettings",
                keyColumn: "Code",
                keyValue: "claim.prescription",
                column: "Article",
                value: "CSP art. L.1142-28 ; suspension L.1142-7");
        }
    }
}
