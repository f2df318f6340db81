using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace RelationsUsagers.Data.PostgreSql.Migrations
{
    /// <summary>
    /// PostgreSQL's schema as SQLite's migrations left it on 6 December 2026, generated from the same model, plus the SQL
    /// those migrations carry outside the model (<see cref="RawSql"/>).
    /// </summary>
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseReference = table.Column<string>(type: "text", nullable: true),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Details = table.Column<string>(type: "text", nullable: true),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Services = table.Column<List<string>>(type: "text[]", nullable: false),
                    AssignedTo = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDueCode = table.Column<string>(type: "text", nullable: true),
                    NextDueLabel = table.Column<string>(type: "text", nullable: true),
                    NextDueComputation = table.Column<string>(type: "text", nullable: true),
                    ClockSuspended = table.Column<bool>(type: "boolean", nullable: false),
                    WaitingOn = table.Column<int>(type: "integer", nullable: true),
                    WaitingSince = table.Column<DateOnly>(type: "date", nullable: true),
                    ReminderDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    ImportSource = table.Column<string>(type: "text", nullable: true),
                    FormerReference = table.Column<string>(type: "text", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false),
                    Patient_BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Patient_DeathDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Patient_FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Patient_LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Patient_PatientNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Patient_SearchName = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false),
                    Requester_Address = table.Column<string>(type: "text", nullable: true),
                    Requester_Capacity = table.Column<string>(type: "text", nullable: true),
                    Requester_Email = table.Column<string>(type: "text", nullable: true),
                    Requester_Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Requester_Phone = table.Column<string>(type: "text", nullable: true),
                    Requester_SearchName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequesterCapacity = table.Column<int>(type: "integer", nullable: true),
                    ProofsReceived = table.Column<int[]>(type: "integer[]", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeceasedMotive = table.Column<int>(type: "integer", nullable: true),
                    ObjectionBeforeDeath = table.Column<bool>(type: "boolean", nullable: true),
                    MinorObjection = table.Column<bool>(type: "boolean", nullable: true),
                    ProtectedAdultConsent = table.Column<bool>(type: "boolean", nullable: true),
                    PsychiatricDoctorRequired = table.Column<bool>(type: "boolean", nullable: true),
                    CdspReferredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InformationOlderThanFiveYears = table.Column<bool>(type: "boolean", nullable: true),
                    MostRecentInformationOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InformationAgeOverride = table.Column<bool>(type: "boolean", nullable: true),
                    InformationAgeOverrideReason = table.Column<string>(type: "text", nullable: true),
                    OnSiteOfferedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CadaReferredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CadaOpinionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodRequested = table.Column<string>(type: "text", nullable: true),
                    CommunicationMode = table.Column<int>(type: "integer", nullable: true),
                    DesignatedDoctor = table.Column<string>(type: "text", nullable: true),
                    PageCount = table.Column<int>(type: "integer", nullable: true),
                    Medium = table.Column<string>(type: "text", nullable: true),
                    ReproductionFeeCents = table.Column<long>(type: "bigint", nullable: true),
                    PostageFeeCents = table.Column<long>(type: "bigint", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedDeliveryNumber = table.Column<string>(type: "text", nullable: true),
                    DeliveryAcknowledgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RefusalReason = table.Column<string>(type: "text", nullable: true),
                    Remarks = table.Column<string>(type: "text", nullable: true),
                    Procedure = table.Column<int>(type: "integer", nullable: true),
                    Damage = table.Column<int>(type: "integer", nullable: true),
                    FactsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LawyerName = table.Column<string>(type: "text", nullable: true),
                    ClaimedAmountCents = table.Column<long>(type: "bigint", nullable: true),
                    InsurerName = table.Column<string>(type: "text", nullable: true),
                    InsurerClaimNumber = table.Column<string>(type: "text", nullable: true),
                    InsurerDeclaredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CciFileNumber = table.Column<string>(type: "text", nullable: true),
                    CciReferredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CciOpinionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CciOpinionOutcome = table.Column<int>(type: "integer", nullable: true),
                    CourtName = table.Column<string>(type: "text", nullable: true),
                    CourtCaseNumber = table.Column<string>(type: "text", nullable: true),
                    ExpressDecisionNotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcknowledgementCarriedMentions = table.Column<bool>(type: "boolean", nullable: true),
                    DecisionCarriedRemedies = table.Column<bool>(type: "boolean", nullable: true),
                    ExpertiseOrderedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpertiseCompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DebtAcknowledgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsolidatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InsurerOpinionReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OfferAmountCents = table.Column<long>(type: "bigint", nullable: true),
                    OfferOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OfferIsProvisional = table.Column<bool>(type: "boolean", nullable: true),
                    FinalOfferOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InsurerAcceptanceReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IndemnityClaim_PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeductibleCents = table.Column<long>(type: "bigint", nullable: true),
                    HospitalShareCents = table.Column<long>(type: "bigint", nullable: true),
                    InsurerShareCents = table.Column<long>(type: "bigint", nullable: true),
                    Nature = table.Column<int>(type: "integer", nullable: true),
                    Motives = table.Column<int[]>(type: "integer[]", nullable: true),
                    Complaint_FactsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Severity = table.Column<int>(type: "integer", nullable: true),
                    MediationType = table.Column<int>(type: "integer", nullable: true),
                    MediatorName = table.Column<string>(type: "text", nullable: true),
                    AccompanyingRepresentative = table.Column<string>(type: "text", nullable: true),
                    PatientHospitalised = table.Column<bool>(type: "boolean", nullable: true),
                    PlannedDischargeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsLitigation = table.Column<bool>(type: "boolean", nullable: true),
                    CareRelatedDamage = table.Column<bool>(type: "boolean", nullable: true),
                    DamageDiscoveredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MedicalDataConsentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CduOpinion = table.Column<int>(type: "integer", nullable: true),
                    CduOpinionText = table.Column<string>(type: "text", nullable: true),
                    CduMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnswerSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgentGrade = table.Column<string>(type: "text", nullable: true),
                    AgentService = table.Column<string>(type: "text", nullable: true),
                    AgentStatus = table.Column<int>(type: "integer", nullable: true),
                    Ground = table.Column<int>(type: "integer", nullable: true),
                    FactsType = table.Column<int>(type: "integer", nullable: true),
                    ProtectionCase_FactsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FactsPlace = table.Column<string>(type: "text", nullable: true),
                    AuthorKnown = table.Column<bool>(type: "boolean", nullable: true),
                    PoliceComplaintOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PoliceComplaintNumber = table.Column<string>(type: "text", nullable: true),
                    Decision = table.Column<int>(type: "integer", nullable: true),
                    DecisionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionReasons = table.Column<string>(type: "text", nullable: true),
                    DirectorInvolved = table.Column<bool>(type: "boolean", nullable: true),
                    DecisionMaker = table.Column<string>(type: "text", nullable: true),
                    ReasonsRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonsSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndKind = table.Column<int>(type: "integer", nullable: true),
                    Authority = table.Column<int>(type: "integer", nullable: true),
                    LegalBasis = table.Column<int>(type: "integer", nullable: true),
                    OfficerName = table.Column<string>(type: "text", nullable: true),
                    OfficerUnit = table.Column<string>(type: "text", nullable: true),
                    OfficerContact = table.Column<string>(type: "text", nullable: true),
                    MagistrateName = table.Column<string>(type: "text", nullable: true),
                    Jurisdiction = table.Column<string>(type: "text", nullable: true),
                    ProcedureNumber = table.Column<string>(type: "text", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InitialDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SecrecyReviewBy = table.Column<string>(type: "text", nullable: true),
                    SecrecyReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Response = table.Column<int>(type: "integer", nullable: true),
                    ResponseSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SeizureOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SeizurePlannedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SeizurePlace = table.Column<string>(type: "text", nullable: true),
                    SeizureMagistrate = table.Column<string>(type: "text", nullable: true),
                    SeizureJurisdiction = table.Column<string>(type: "text", nullable: true),
                    SeizureOfficer = table.Column<string>(type: "text", nullable: true),
                    OrdreRepresentative = table.Column<string>(type: "text", nullable: true),
                    HeadOfDepartmentPresent = table.Column<string>(type: "text", nullable: true),
                    SeizedItems = table.Column<string>(type: "text", nullable: true),
                    SealNumbers = table.Column<string>(type: "text", nullable: true),
                    SeizureCopyKept = table.Column<bool>(type: "boolean", nullable: true),
                    SeizureMinutesReceived = table.Column<bool>(type: "boolean", nullable: true),
                    Beneficiaries = table.Column<string>(type: "jsonb", nullable: true),
                    Costs = table.Column<string>(type: "jsonb", nullable: true),
                    Items = table.Column<string>(type: "jsonb", nullable: true),
                    Measures = table.Column<string>(type: "jsonb", nullable: true),
                    ServicesTold = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CduMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsUrgent = table.Column<bool>(type: "boolean", nullable: false),
                    ConvocationSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgendaPublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CduMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CduMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    IsDeputy = table.Column<bool>(type: "boolean", nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Association = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MandateStart = table.Column<DateOnly>(type: "date", nullable: false),
                    MandateEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Renewals = table.Column<int>(type: "integer", nullable: false),
                    Office = table.Column<int>(type: "integer", nullable: false),
                    OfficeRenewals = table.Column<int>(type: "integer", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CduMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DatabaseFacts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatabaseFacts", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "DelaySettings",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Duration = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<int>(type: "integer", nullable: false),
                    StartEvent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Article = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WarningDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelaySettings", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Establishments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    HospitalName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    City = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignatoryName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignatoryTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Delegation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AdministrativeCourt = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RepresentativesContact = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    InsurerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InsurancePolicyNumber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Logo = table.Column<byte[]>(type: "bytea", nullable: true),
                    LogoContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Establishments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsurancePolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Insurer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Broker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PolicyNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DeductiblePerClaimCents = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsurancePolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerCorrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LetterTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LetterCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceCounters",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastValue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceCounters", x => new { x.Kind, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "ServiceAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Alias = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Service = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceAliases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserExpressions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Service = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Motive = table.Column<int>(type: "integer", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: true),
                    ComplaintReference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserExpressions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
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
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
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
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
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
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    ContentType = table.Column<string>(type: "text", nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StoragePath = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "text", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    IsCancelled = table.Column<bool>(type: "boolean", nullable: false),
                    Corrections = table.Column<string>(type: "jsonb", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ClockSuspensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClockCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EndedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                name: "MediationAppointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MediatorIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ComplainantInvited = table.Column<bool>(type: "boolean", nullable: false),
                    Relatives = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AccompanyingRepresentative = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Professionals = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    LateReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false),
                    History = table.Column<string>(type: "jsonb", nullable: false)
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
                name: "CduAgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(32000)", maxLength: 32000, nullable: true),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Documents = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CduAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CduAgendaItems_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CduAgendaItems_CduMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CduMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CduRecommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    FollowUpComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CduRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CduRecommendations_CduMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CduMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CduAttendances",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Presence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CduAttendances", x => new { x.MeetingId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_CduAttendances_CduMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CduMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CduAttendances_CduMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "CduMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClaimCovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeductibleCents = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaidAmountCents = table.Column<long>(type: "bigint", nullable: true),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                name: "MediationMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonsPresent = table.Column<string>(type: "text", nullable: false),
                    Grievances = table.Column<string>(type: "text", nullable: false),
                    Explanations = table.Column<string>(type: "text", nullable: false),
                    Agreements = table.Column<string>(type: "text", nullable: false),
                    Disagreements = table.Column<string>(type: "text", nullable: false),
                    Expectations = table.Column<string>(type: "text", nullable: false),
                    Proposals = table.Column<string>(type: "text", nullable: false),
                    RemediesInformation = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ApprovedByParties = table.Column<bool>(type: "boolean", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SentToPresidentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ForwardedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimCoverId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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

            migrationBuilder.InsertData(
                table: "DelaySettings",
                columns: new[] { "Code", "Article", "Duration", "Label", "StartEvent", "Unit", "WarningDays" },
                values: new object[,]
                {
                    { "access.2-months", "CSP art. L.1111-7 al.2 ; R.1111-5", 2, "Communication du dossier", "received", 3, 2 },
                    { "access.8-days", "CSP art. L.1111-7 al.2 ; R.1111-1 al.4", 8, "Communication du dossier", "received", 2, 2 },
                    { "access.cada-opinion", "CRPA art. R.343-3", 1, "Avis de la CADA", "cada-referred", 3, 2 },
                    { "access.cada-referral", "CRPA art. L.342-1, R.343-1", 2, "Saisine de la CADA par le demandeur", "Refus exprès ou implicite", 3, 2 },
                    { "access.implicit-refusal", "CRPA art. R.311-13", 1, "Refus implicite (silence d'un mois)", "received", 3, 2 },
                    { "access.reflection-48h", "CSP art. L.1111-7 al.2", 48, "Délai de réflexion", "proofs-complete", 1, 2 },
                    { "claim.cci-opinion", "CSP art. L.1142-8", 6, "Avis de la CCI", "cci-referred", 3, 2 },
                    { "claim.court-time-limit", "CJA art. R.421-1, R.421-2, R.421-5 ; CRPA L.112-6 ; CSP L.1142-7", 2, "Recours devant le tribunal administratif", "Décision expresse notifiée ou décision implicite de rejet", 3, 15 },
                    { "claim.final-offer", "CSP art. L.1142-14 al.4", 2, "Offre définitive de l'assureur", "consolidation", 3, 2 },
                    { "claim.implicit-rejection", "CRPA art. L.231-4 ; CJA art. R.421-2", 2, "Décision implicite de rejet", "received", 3, 15 },
                    { "claim.insurer-declaration", "CSP art. L.1142-2 (cible interne)", 15, "Déclaration à l'assureur", "received", 2, 2 },
                    { "claim.insurer-offer", "CSP art. L.1142-14", 4, "Offre de l'assureur", "cci-opinion", 3, 2 },
                    { "claim.payment", "CSP art. L.1142-14", 1, "Paiement de l'indemnité", "offer-accepted", 3, 2 },
                    { "claim.prescription", "CSP art. L.1142-28 ; L.1142-7 ; C. civ. art. 2235, 2239, 2240", 10, "Prescription de l'action", "consolidation", 4, 90 },
                    { "claim.prescription-four-years", "Loi n° 68-1250 du 31 décembre 1968, art. 1 et 2", 4, "Prescription quadriennale", "1er janvier suivant les faits ou la dernière réclamation écrite", 4, 90 },
                    { "complaint.acknowledgement", "CSP art. R.1112-92 (cible interne)", 8, "Accusé de réception", "received", 2, 2 },
                    { "complaint.answer-after-cdu", "CSP art. R.1112-94 al.3", 8, "Réponse au plaignant après la CDU", "cdu-examined", 2, 2 },
                    { "complaint.answer-target", "CSP art. R.1112-92 (cible interne)", 1, "Réponse au plaignant", "received", 3, 2 },
                    { "complaint.damage-information", "CSP art. L.1142-4", 15, "Entretien d'information sur le dommage", "Découverte du dommage ou demande expresse", 2, 2 },
                    { "complaint.mediation-meeting", "CSP art. R.1112-93", 8, "Rencontre avec le médiateur", "mediator-referred", 2, 2 },
                    { "complaint.mediation-report", "CSP art. R.1112-94 al.1", 8, "Compte rendu de médiation au président de la CDU", "mediation-meeting", 2, 2 },
                    { "complaint.oral-copy", "CSP art. R.1112-91", 2, "Copie de la plainte orale consignée", "received", 2, 2 },
                    { "complaint.report-forwarding", "CSP art. R.1112-94 al.1", 2, "Envoi du compte rendu aux membres de la CDU et au plaignant", "mediation-report-sent", 2, 2 },
                    { "protection.implicit-rejection", "CRPA art. L.231-4 ; CGFP art. L.134-1", 2, "Décision implicite de rejet (protection fonctionnelle)", "received", 3, 15 },
                    { "protection.reasons", "CRPA art. L.232-4", 1, "Communication des motifs du rejet implicite", "Demande des motifs du rejet implicite", 3, 2 },
                    { "requisition.due-date", "CPP art. 60-1, 77-1-1, 99-3", 0, "Réponse à la réquisition", "DueOn (date fixée par l'autorité)", 2, 2 },
                    { "waiting.reminder", "Pratique du service", 15, "Relance de la partie attendue", "Mise en attente ou dernière relance", 2, 2 }
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
                name: "IX_AuditEntries_UserName_Action",
                table: "AuditEntries",
                columns: new[] { "UserName", "Action" });

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
                name: "IX_CaseFiles_OpenQueue_Kind",
                table: "CaseFiles",
                columns: new[] { "Kind", "NextDueOn", "Reference", "Status" },
                filter: "\"Status\" NOT IN (17, 15, 16)");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_Reference",
                table: "CaseFiles",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_Status_NextDueOn",
                table: "CaseFiles",
                columns: new[] { "Status", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CduAgendaItems_CaseFileId",
                table: "CduAgendaItems",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_CduAgendaItems_MeetingId_Order",
                table: "CduAgendaItems",
                columns: new[] { "MeetingId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_CduAttendances_MemberId",
                table: "CduAttendances",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CduMeetings_Date",
                table: "CduMeetings",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_CduMembers_UserName",
                table: "CduMembers",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_CduRecommendations_MeetingId",
                table: "CduRecommendations",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_CduRecommendations_Year_Status",
                table: "CduRecommendations",
                columns: new[] { "Year", "Status" });

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
                name: "IX_ClockSuspensions_CaseFileId_StartedOn",
                table: "ClockSuspensions",
                columns: new[] { "CaseFileId", "StartedOn" });

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
                name: "IX_LetterTemplates_LetterCode_Version",
                table: "LetterTemplates",
                columns: new[] { "LetterCode", "Version" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_PremiumCalls_DueOn",
                table: "PremiumCalls",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_PremiumCalls_PolicyId",
                table: "PremiumCalls",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAliases_Key",
                table: "ServiceAliases",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserExpressions_OccurredOn",
                table: "UserExpressions",
                column: "OccurredOn");

            // What SQLite's migrations add by SQL, written for PostgreSQL (RawSql.cs).
            RawSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RawSql.Down(migrationBuilder);

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
                name: "CduAgendaItems");

            migrationBuilder.DropTable(
                name: "CduAttendances");

            migrationBuilder.DropTable(
                name: "CduRecommendations");

            migrationBuilder.DropTable(
                name: "ClockSuspensions");

            migrationBuilder.DropTable(
                name: "DatabaseFacts");

            migrationBuilder.DropTable(
                name: "DelaySettings");

            migrationBuilder.DropTable(
                name: "Establishments");

            migrationBuilder.DropTable(
                name: "LedgerCorrections");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "LetterTemplates");

            migrationBuilder.DropTable(
                name: "MediationMinutes");

            migrationBuilder.DropTable(
                name: "PremiumCalls");

            migrationBuilder.DropTable(
                name: "ReferenceCounters");

            migrationBuilder.DropTable(
                name: "ServiceAliases");

            migrationBuilder.DropTable(
                name: "UserExpressions");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CduMembers");

            migrationBuilder.DropTable(
                name: "CduMeetings");

            migrationBuilder.DropTable(
                name: "ClaimCovers");

            migrationBuilder.DropTable(
                name: "MediationAppointments");

            migrationBuilder.DropTable(
                name: "InsurancePolicies");

            migrationBuilder.DropTable(
                name: "CaseFiles");
        }
    }
}
