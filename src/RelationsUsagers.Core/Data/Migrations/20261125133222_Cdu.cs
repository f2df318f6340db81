using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RelationsUsagers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Cdu : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CduMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsUrgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConvocationSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgendaPublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CduMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CduMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDeputy = table.Column<bool>(type: "INTEGER", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Association = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MandateStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MandateEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Renewals = table.Column<int>(type: "INTEGER", nullable: false),
                    Office = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficeRenewals = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CduMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CduAgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: true),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Documents = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowUpComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Presence = table.Column<int>(type: "INTEGER", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CduAgendaItems");

            migrationBuilder.DropTable(
                name: "CduAttendances");

            migrationBuilder.DropTable(
                name: "CduRecommendations");

            migrationBuilder.DropTable(
                name: "CduMembers");

            migrationBuilder.DropTable(
                name: "CduMeetings");
        }
    }
}
