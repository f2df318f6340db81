using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Mediation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MediationAppointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MediatorIds = table.Column<string>(type: "TEXT", nullable: false),
                    ComplainantInvited = table.Column<bool>(type: "INTEGER", nullable: false),
                    Relatives = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AccompanyingRepresentative = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Professionals = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LateReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    History = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationAppointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationAppointments_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MediationMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonsPresent = table.Column<string>(type: "TEXT", nullable: false),
                    Grievances = table.Column<string>(type: "TEXT", nullable: false),
                    Explanations = table.Column<string>(type: "TEXT", nullable: false),
                    Agreements = table.Column<string>(type: "TEXT", nullable: false),
                    Disagreements = table.Column<string>(type: "TEXT", nullable: false),
                    Expectations = table.Column<string>(type: "TEXT", nullable: false),
                    Proposals = table.Column<string>(type: "TEXT", nullable: false),
                    RemediesInformation = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedByParties = table.Column<bool>(type: "INTEGER", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SentToPresidentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ForwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationMinutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationMinutes_MediationAppointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "MediationAppointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MediationAppointments_CaseFileId",
                table: "MediationAppointments",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationAppointments_Date",
                table: "MediationAppointments",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_MediationMinutes_AppointmentId",
                table: "MediationMinutes",
                column: "AppointmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediationMinutes_CaseFileId",
                table: "MediationMinutes",
                column: "CaseFileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MediationMinutes");

            migrationBuilder.DropTable(
                name: "MediationAppointments");
        }
    }
}
