using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LegalClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClockSuspensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClockCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockSuspensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClockSuspensions_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelaySettings",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Duration = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    StartEvent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Article = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelaySettings", x => x.Code);
                });

            migrationBuilder.InsertData(
                table: "DelaySettings",
                columns: new[] { "Code", "Article", "Duration", "Label", "StartEvent", "Unit" },
                values: new object[,]
                {
                    { "access.2-months", "CSP art. L.1111-7 al.2 ; R.1111-5", 2, "Communication du dossier", "received", 3 },
                    { "access.8-days", "CSP art. L.1111-7 al.2 ; R.1111-1 al.4", 8, "Communication du dossier", "received", 2 },
                    { "access.reflection-48h", "CSP art. L.1111-7 al.2", 48, "Délai de réflexion", "proofs-complete", 1 },
                    { "claim.cci-opinion", "CSP art. L.1142-8", 6, "Avis de la CCI", "cci-referred", 3 },
                    { "claim.implicit-rejection", "CJA art. R.421-2 ; suspension CSP L.1142-7", 2, "Décision implicite de rejet", "received", 3 },
                    { "claim.insurer-declaration", "CSP art. L.1142-2 (cible interne)", 15, "Déclaration à l'assureur", "received", 2 },
                    { "claim.insurer-offer", "CSP art. L.1142-14", 4, "Offre de l'assureur", "cci-opinion", 3 },
                    { "claim.payment", "CSP art. L.1142-14", 1, "Paiement de l'indemnité", "offer-accepted", 3 },
                    { "claim.prescription", "CSP art. L.1142-28 ; suspension L.1142-7", 10, "Prescription de l'action", "consolidation", 4 },
                    { "complaint.acknowledgement", "CSP art. R.1112-92 (cible interne)", 8, "Accusé de réception", "received", 2 },
                    { "complaint.answer-after-cdu", "CSP art. R.1112-94 al.3", 8, "Réponse au plaignant après la CDU", "cdu-examined", 2 },
                    { "complaint.answer-target", "CSP art. R.1112-92 (cible interne)", 1, "Réponse au plaignant", "received", 3 },
                    { "complaint.mediation-meeting", "CSP art. R.1112-93", 8, "Rencontre avec le médiateur", "mediator-referred", 2 },
                    { "complaint.mediation-report", "CSP art. R.1112-94 al.1", 8, "Compte rendu de médiation au président de la CDU", "mediation-meeting", 2 },
                    { "requisition.due-date", "CPP art. 60-1, 77-1-1, 99-3", 0, "Réponse à la réquisition", "DueOn (date fixée par l'autorité)", 2 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClockSuspensions_CaseFileId_StartedOn",
                table: "ClockSuspensions",
                columns: new[] { "CaseFileId", "StartedOn" });

            // The suspension log is append-only (a moved due date must stay explainable): no delete, and an update
            // may only set EndedOn/EndedBy once, on or after StartedOn. LegalClockService enforces the same rules.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_ClockSuspensions_NoDelete" BEFORE DELETE ON "ClockSuspensions"
                BEGIN
                    SELECT RAISE(ABORT, 'Le journal des suspensions ne peut pas être supprimé.');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_ClockSuspensions_AppendOnly" BEFORE UPDATE ON "ClockSuspensions"
                WHEN NEW."Id" IS NOT OLD."Id"
                    OR NEW."CaseFileId" IS NOT OLD."CaseFileId"
                    OR NEW."ClockCode" IS NOT OLD."ClockCode"
                    OR NEW."Reason" IS NOT OLD."Reason"
                    OR NEW."StartedOn" IS NOT OLD."StartedOn"
                    OR NEW."StartedBy" IS NOT OLD."StartedBy"
                    OR (OLD."EndedOn" IS NOT NULL AND (NEW."EndedOn" IS NOT OLD."EndedOn" OR NEW."EndedBy" IS NOT OLD."EndedBy"))
                    OR (NEW."EndedOn" IS NULL AND NEW."EndedBy" IS NOT NULL)
                    OR NEW."EndedOn" < NEW."StartedOn"
                BEGIN
                    SELECT RAISE(ABORT, 'Le journal des suspensions ne peut pas être modifié : seule la reprise peut être enregistrée, une fois.');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_ClockSuspensions_AppendOnly";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_ClockSuspensions_NoDelete";""");

            migrationBuilder.DropTable(
                name: "ClockSuspensions");

            migrationBuilder.DropTable(
                name: "DelaySettings");
        }
    }
}
