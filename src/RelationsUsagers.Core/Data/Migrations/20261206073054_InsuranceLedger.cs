using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class InsuranceLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InsurancePolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Insurer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Broker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PolicyNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeductiblePerClaimCents = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsurancePolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerCorrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClaimCovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeductibleCents = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimCovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimCovers_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimCovers_InsurancePolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "InsurancePolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PremiumCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidAmountCents = table.Column<long>(type: "INTEGER", nullable: true),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PremiumCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PremiumCalls_InsurancePolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "InsurancePolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimCoverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_ClaimCovers_ClaimCoverId",
                        column: x => x.ClaimCoverId,
                        principalTable: "ClaimCovers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimCovers_CaseFileId",
                table: "ClaimCovers",
                column: "CaseFileId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimCovers_PolicyId",
                table: "ClaimCovers",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_InsurancePolicies_StartsOn",
                table: "InsurancePolicies",
                column: "StartsOn");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerCorrections_CaseFileId",
                table: "LedgerCorrections",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerCorrections_SubjectId",
                table: "LedgerCorrections",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ClaimCoverId",
                table: "LedgerEntries",
                column: "ClaimCoverId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_On",
                table: "LedgerEntries",
                column: "On");

            migrationBuilder.CreateIndex(
                name: "IX_PremiumCalls_DueOn",
                table: "PremiumCalls",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_PremiumCalls_PolicyId",
                table: "PremiumCalls",
                column: "PolicyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerCorrections");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "PremiumCalls");

            migrationBuilder.DropTable(
                name: "ClaimCovers");

            migrationBuilder.DropTable(
                name: "InsurancePolicies");
        }
    }
}
