using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseReference = table.Column<string>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Services = table.Column<string>(type: "TEXT", nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true),
                    ImportSource = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    Patient_BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Patient_DeathDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Patient_FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Patient_LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Patient_PatientNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Patient_SearchName = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    Requester_Address = table.Column<string>(type: "TEXT", nullable: true),
                    Requester_Capacity = table.Column<string>(type: "TEXT", nullable: true),
                    Requester_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Requester_Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Requester_Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Requester_SearchName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequesterCapacity = table.Column<int>(type: "INTEGER", nullable: true),
                    ProofsReceived = table.Column<string>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeceasedMotive = table.Column<int>(type: "INTEGER", nullable: true),
                    ObjectionBeforeDeath = table.Column<bool>(type: "INTEGER", nullable: true),
                    MinorObjection = table.Column<bool>(type: "INTEGER", nullable: true),
                    ProtectedAdultConsent = table.Column<bool>(type: "INTEGER", nullable: true),
                    PsychiatricDoctorRequired = table.Column<bool>(type: "INTEGER", nullable: true),
                    CdspReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InformationOlderThanFiveYears = table.Column<bool>(type: "INTEGER", nullable: true),
                    PeriodRequested = table.Column<string>(type: "TEXT", nullable: true),
                    CommunicationMode = table.Column<int>(type: "INTEGER", nullable: true),
                    DesignatedDoctor = table.Column<string>(type: "TEXT", nullable: true),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Medium = table.Column<string>(type: "TEXT", nullable: true),
                    ReproductionFeeCents = table.Column<long>(type: "INTEGER", nullable: true),
                    PostageFeeCents = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedDeliveryNumber = table.Column<string>(type: "TEXT", nullable: true),
                    DeliveryAcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", nullable: true),
                    Remarks = table.Column<string>(type: "TEXT", nullable: true),
                    Procedure = table.Column<int>(type: "INTEGER", nullable: true),
                    LawyerName = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimedAmountCents = table.Column<long>(type: "INTEGER", nullable: true),
                    InsurerName = table.Column<string>(type: "TEXT", nullable: true),
                    InsurerClaimNumber = table.Column<string>(type: "TEXT", nullable: true),
                    InsurerDeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CciFileNumber = table.Column<string>(type: "TEXT", nullable: true),
                    CciReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CciOpinionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CciOpinionOutcome = table.Column<int>(type: "INTEGER", nullable: true),
                    CourtName = table.Column<string>(type: "TEXT", nullable: true),
                    CourtCaseNumber = table.Column<string>(type: "TEXT", nullable: true),
                    ExpressDecisionNotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsolidatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OfferAmountCents = table.Column<long>(type: "INTEGER", nullable: true),
                    OfferOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IndemnityClaim_PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeductibleCents = table.Column<long>(type: "INTEGER", nullable: true),
                    HospitalShareCents = table.Column<long>(type: "INTEGER", nullable: true),
                    InsurerShareCents = table.Column<long>(type: "INTEGER", nullable: true),
                    Nature = table.Column<int>(type: "INTEGER", nullable: true),
                    Motives = table.Column<string>(type: "TEXT", nullable: true),
                    FactsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Severity = table.Column<int>(type: "INTEGER", nullable: true),
                    MediationType = table.Column<int>(type: "INTEGER", nullable: true),
                    MediatorName = table.Column<string>(type: "TEXT", nullable: true),
                    AccompanyingRepresentative = table.Column<string>(type: "TEXT", nullable: true),
                    PatientHospitalised = table.Column<bool>(type: "INTEGER", nullable: true),
                    PlannedDischargeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsLitigation = table.Column<bool>(type: "INTEGER", nullable: true),
                    CareRelatedDamage = table.Column<bool>(type: "INTEGER", nullable: true),
                    MedicalDataConsentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CduOpinion = table.Column<int>(type: "INTEGER", nullable: true),
                    CduOpinionText = table.Column<string>(type: "TEXT", nullable: true),
                    CduMeetingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Authority = table.Column<int>(type: "INTEGER", nullable: true),
                    LegalBasis = table.Column<int>(type: "INTEGER", nullable: true),
                    OfficerName = table.Column<string>(type: "TEXT", nullable: true),
                    OfficerUnit = table.Column<string>(type: "TEXT", nullable: true),
                    OfficerContact = table.Column<string>(type: "TEXT", nullable: true),
                    MagistrateName = table.Column<string>(type: "TEXT", nullable: true),
                    Jurisdiction = table.Column<string>(type: "TEXT", nullable: true),
                    ProcedureNumber = table.Column<string>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SecrecyReviewBy = table.Column<string>(type: "TEXT", nullable: true),
                    SecrecyReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Response = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponseSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SeizureOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SealNumbers = table.Column<string>(type: "TEXT", nullable: true),
                    OrdreRepresentative = table.Column<string>(type: "TEXT", nullable: true),
                    SeizureCopyKept = table.Column<bool>(type: "INTEGER", nullable: true),
                    Items = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceCounters",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastValue = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceCounters", x => new { x.Kind, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDocuments_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEvents_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CaseFileId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "CaseFileId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDocuments_CaseFileId",
                table: "CaseDocuments",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_CaseFileId_OccurredOn",
                table: "CaseEvents",
                columns: new[] { "CaseFileId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_AssignedTo_NextDueOn",
                table: "CaseFiles",
                columns: new[] { "AssignedTo", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_Kind_ReceivedOn",
                table: "CaseFiles",
                columns: new[] { "Kind", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_Reference",
                table: "CaseFiles",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_Status_NextDueOn",
                table: "CaseFiles",
                columns: new[] { "Status", "NextDueOn" });

            // The audit trail is append-only, even for someone with a SQL shell on the file.
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CaseDocuments");

            migrationBuilder.DropTable(
                name: "CaseEvents");

            migrationBuilder.DropTable(
                name: "ReferenceCounters");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CaseFiles");
        }
    }
}
