using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Mediation;

namespace RelationsUsagers.Core.Tests.Mediation;

/// <summary>A mediation from the referral to the minutes forwarded, stored: each step audited, the case's facts recorded by its steps.</summary>
public abstract class MediationServiceTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private TestDatabase _database = null!;
    private MediationService _mediation = null!;
    private CaseFile _complaint = null!;
    private readonly CduMember _mediator = MediationTestData.MedicalMediator();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        await using (var db = _database.CreateContext())
        {
            db.CduMembers.Add(_mediator);
            await db.SaveChangesAsync(Ct);
        }
        var cases = _database.CreateService();
        _mediation = new MediationService(_database.Factory, cases, _database.Clock);
        var complaint = await cases.CreateAsync(TestCases.Complaint(), Ct);
        // Referred to the mediator on 13 March 2026 (today is the 15th): the meeting is due by the 21st (R.1112-93).
        _complaint = await cases.TakeStepAsync(complaint.Id, complaint.ConcurrencyStamp, "refer-mediator", new StepInput(new DateOnly(2026, 3, 13)), ct: Ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private AppointmentRequest Request(int day, string? lateReason = null) =>
        new(new DateOnly(2026, 3, day), new TimeOnly(14, 0), 60, "Bureau des usagers", [_mediator.Id]) { LateReason = lateReason, AccompanyingRepresentative = "Hélène Dubois" };

    [Fact]
    public async Task A_meeting_is_booked_moved_with_a_reason_and_cancelled_its_history_kept()
    {
        var booked = await _mediation.BookAsync(_complaint.Id, Request(20), Ct);
        var refusedLate = await Assert.ThrowsAsync<CaseRuleException>(() => _mediation.RescheduleAsync(booked.Id, booked.ConcurrencyStamp, Request(23), "Plaignant indisponible", Ct));
        Assert.Contains("plus de 8 jours après la saisine du médiateur du 13/03/2026", refusedLate.Message);
        var moved = await _mediation.RescheduleAsync(booked.Id, booked.ConcurrencyStamp, Request(23, "Plaignant absent jusqu'au 22"), "Plaignant indisponible", Ct);
        var cancelled = await _mediation.CancelAsync(moved.Id, moved.ConcurrencyStamp, "Le plaignant renonce à la médiation", Ct);

        Assert.Equal(MediationAppointmentStatus.Cancelled, cancelled.Status);
        Assert.Equal(["Rencontre fixée le 20/03/2026 à 14:00 (60 min, Bureau des usagers)",
                      "Reportée du 20/03/2026 à 14:00 (60 min, Bureau des usagers) au 23/03/2026 à 14:00 (60 min, Bureau des usagers)",
                      "Rencontre du 23/03/2026 à 14:00 (60 min, Bureau des usagers) annulée"], cancelled.History.Select(h => h.What));
        Assert.Equal("Plaignant absent jusqu'au 22", cancelled.LateReason);
        await using var db = _database.CreateContext();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.CaseFileId == _complaint.Id && a.Action == MediationService.AppointmentAction, Ct));
        // The slot is free again.
        Assert.NotNull(await _mediation.BookAsync(_complaint.Id, Request(20), Ct));
    }

    [Fact]
    public async Task Sending_the_minutes_that_fails_on_the_minutes_leaves_neither_the_case_s_step_nor_the_minutes_sent()
    {
        var booked = await _mediation.BookAsync(_complaint.Id, Request(16), Ct);
        _database.Clock.Advance(TimeSpan.FromDays(2)); // 17 March
        await _mediation.RecordHeldAsync(booked.Id, booked.ConcurrencyStamp, Ct);
        var minutes = await _mediation.MinutesAsync(booked.Id, Ct);
        minutes.PersonsPresent = "Mme Garnier, plaignante ; Dr Roy, médiateur";
        minutes.Grievances = "« On ne m'a rien expliqué avant l'opération. »";
        var submitted = await _mediation.SaveMinutesAsync(await _mediation.SaveMinutesAsync(minutes, submit: false, Ct), submit: true, Ct);
        var approved = await _mediation.RecordApprovalAsync(booked.Id, submitted.ConcurrencyStamp, true, new DateOnly(2026, 3, 17), Ct);
        // The minutes' row refuses its change: the case's step, written before it, must go with it.
        await _database.RefuseAsync("MinutesDown", "UPDATE", "MediationMinutes", Ct);
        var statusBefore = (await _database.CreateService().OpenAsync(_complaint.Id, Ct))!.Status;
        long auditBefore;
        await using (var db = _database.CreateContext())
            auditBefore = await db.AuditEntries.LongCountAsync(Ct);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => _mediation.SendToPresidentAsync(booked.Id, approved.ConcurrencyStamp, new DateOnly(2026, 3, 17), Ct));

        await using (var db = _database.CreateContext())
        {
            var file = await db.CaseFiles.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == _complaint.Id, Ct);
            Assert.DoesNotContain(file.Events, e => e.Type == CaseEventTypes.MediationReportSent);
            Assert.Equal(statusBefore, file.Status);
            var row = await db.MediationMinutes.AsNoTracking().SingleAsync(m => m.AppointmentId == booked.Id, Ct);
            Assert.Equal((MinutesStatus.Approved, (DateOnly?)null, approved.ConcurrencyStamp), (row.Status, row.SentToPresidentOn, row.ConcurrencyStamp));
            Assert.Equal(auditBefore, await db.AuditEntries.LongCountAsync(Ct));
            await _database.LiftRefusalAsync("MinutesDown", "MediationMinutes", Ct);
        }
        // Nothing half-written stands in the way: the same sending, tried again, goes through.
        var sent = await _mediation.SendToPresidentAsync(booked.Id, approved.ConcurrencyStamp, new DateOnly(2026, 3, 17), Ct);
        Assert.Equal(MinutesStatus.SentToPresident, sent.Status);
        var after = await _database.CreateService().OpenAsync(_complaint.Id, Ct);
        Assert.Single(after!.Events, e => e.Type == CaseEventTypes.MediationReportSent);
    }

    [Fact]
    public async Task A_meeting_held_whose_fact_on_the_case_fails_stays_planned_and_can_be_recorded_again()
    {
        var booked = await _mediation.BookAsync(_complaint.Id, Request(16), Ct);
        _database.Clock.Advance(TimeSpan.FromDays(2)); // 17 March
        // The case's timeline refuses the meeting: the meeting, saved before it, must not stay « tenue » alone.
        await _database.RefuseAsync("EventsDown", "INSERT", "CaseEvents", Ct);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => _mediation.RecordHeldAsync(booked.Id, booked.ConcurrencyStamp, Ct));

        await using (var db = _database.CreateContext())
        {
            var stored = await db.MediationAppointments.AsNoTracking().SingleAsync(a => a.Id == booked.Id, Ct);
            Assert.Equal((MediationAppointmentStatus.Planned, booked.ConcurrencyStamp, 1), (stored.Status, stored.ConcurrencyStamp, stored.History.Count));
            await _database.LiftRefusalAsync("EventsDown", "CaseEvents", Ct);
        }
        var held = await _mediation.RecordHeldAsync(booked.Id, booked.ConcurrencyStamp, Ct);
        Assert.Equal(MediationAppointmentStatus.Held, held.Status);
        var after = await _database.CreateService().OpenAsync(_complaint.Id, Ct);
        Assert.Single(after!.Events, e => e.Type == CaseEventTypes.MediationMeeting);
    }

    [Fact]
    public async Task The_minutes_go_from_draft_to_the_members_and_record_the_case_s_facts()
    {
        var booked = await _mediation.BookAsync(_complaint.Id, Request(16), Ct);
        _database.Clock.Advance(TimeSpan.FromDays(2)); // 17 March
        var held = await _mediation.RecordHeldAsync(booked.Id, booked.ConcurrencyStamp, Ct);
        Assert.Equal(MediationAppointmentStatus.Held, held.Status);

        var minutes = await _mediation.MinutesAsync(booked.Id, Ct);
        minutes.PersonsPresent = "Mme Garnier, plaignante ; Mme Dubois, représentante des usagers ; Dr Roy, médiateur";
        minutes.Grievances = "« On ne m'a rien expliqué avant l'opération. »";
        var draft = await _mediation.SaveMinutesAsync(minutes, submit: false, Ct);
        Assert.Equal(MinutesStatus.Draft, draft.Status);
        var submitted = await _mediation.SaveMinutesAsync(draft, submit: true, Ct);
        await Assert.ThrowsAsync<CaseRuleException>(() => _mediation.SendToPresidentAsync(booked.Id, submitted.ConcurrencyStamp, new DateOnly(2026, 3, 17), Ct));
        var approved = await _mediation.RecordApprovalAsync(booked.Id, submitted.ConcurrencyStamp, true, new DateOnly(2026, 3, 17), Ct);
        var sent = await _mediation.SendToPresidentAsync(booked.Id, approved.ConcurrencyStamp, new DateOnly(2026, 3, 17), Ct);
        var forwarded = await _mediation.ForwardAsync(booked.Id, sent.ConcurrencyStamp, new DateOnly(2026, 3, 17), Ct);

        Assert.Equal((MinutesStatus.Forwarded, (DateOnly?)new DateOnly(2026, 3, 17)), (forwarded.Status, forwarded.ForwardedOn));
        var file = await _database.CreateService().OpenAsync(_complaint.Id, Ct);
        Assert.Equal(CaseStatus.AwaitingCdu, file!.Status);
        // Meeting on the 16th, report sent on the 17th: within the 8 days of R.1112-94 al.1, and forwarded the same day.
        var deadlines = await new LegalClockService(_database.Factory, _database.Clock).GetDeadlinesAsync(_complaint.Id, Ct);
        Assert.Equal(DeadlineState.Done, Assert.Single(deadlines, d => d.Code == DelaySettings.ComplaintMediationMeeting).State);
        Assert.Equal((new DateOnly(2026, 3, 16), DeadlineState.Done),
            (Assert.Single(deadlines, d => d.Code == DelaySettings.ComplaintMediationReport).StartOn, Assert.Single(deadlines, d => d.Code == DelaySettings.ComplaintMediationReport).State));
        await Assert.ThrowsAsync<CaseRuleException>(() => _mediation.SaveMinutesAsync(forwarded, submit: false, Ct));
    }

    [Fact]
    public async Task A_meeting_or_minutes_changed_meanwhile_is_a_conflict_naming_who_changed_them_and_nothing_is_saved()
    {
        var booked = await _mediation.BookAsync(_complaint.Id, Request(17), Ct);
        var moved = await _mediation.RescheduleAsync(booked.Id, booked.ConcurrencyStamp, Request(16), "Plaignant disponible plus tôt", Ct);

        var stale = await Assert.ThrowsAsync<CaseConflictException>(() => _mediation.CancelAsync(booked.Id, booked.ConcurrencyStamp, "Renonce", Ct));

        // Paris is one hour ahead of UTC on 15 March 2026 (10:00 UTC).
        Assert.Equal("Cette rencontre a été modifiée par c.martin le 15/03/2026 à 11:00 depuis que vous l'avez ouverte : rechargez-la.", stale.Message);
        Assert.Equal(MediationAppointmentStatus.Planned, (await _mediation.ForCaseAsync(_complaint.Id, Ct)).Single().Status);

        _database.Clock.Advance(TimeSpan.FromDays(2)); // 17 March, 11:00 in Paris
        var held = await _mediation.RecordHeldAsync(moved.Id, moved.ConcurrencyStamp, Ct);
        var opened = await _mediation.MinutesAsync(held.Id, Ct);
        opened.PersonsPresent = "Mme Garnier, plaignante";
        var first = await _mediation.SaveMinutesAsync(opened, submit: false, Ct);
        var second = await _mediation.MinutesAsync(held.Id, Ct);
        second.Grievances = "« Personne ne m'a rien dit. »";
        await _mediation.SaveMinutesAsync(second, submit: false, Ct);
        first.Grievances = "Écrasé ?";

        var conflict = await Assert.ThrowsAsync<CaseConflictException>(() => _mediation.SaveMinutesAsync(first, submit: true, Ct));
        await Assert.ThrowsAsync<CaseConflictException>(() => _mediation.RecordApprovalAsync(held.Id, first.ConcurrencyStamp, true, new DateOnly(2026, 3, 17), Ct));

        Assert.StartsWith("Ce compte rendu a été modifié par c.martin le 17/03/2026 à 11:00 depuis que vous l'avez ouvert.", conflict.Message);
        var stored = await _mediation.MinutesAsync(held.Id, Ct);
        Assert.Equal(("« Personne ne m'a rien dit. »", MinutesStatus.Draft), (stored.Grievances, stored.Status));
    }

    [Fact]
    public async Task The_calendar_of_a_mediator_holds_only_his_meetings()
    {
        var other = new CduMember
        {
            FullName = "Mme Sylvie Morel", Category = CduCategory.NonMedicalMediator, MandateStart = new DateOnly(2025, 1, 1), MandateEnd = new DateOnly(2028, 1, 1),
        };
        await using (var db = _database.CreateContext())
        {
            db.CduMembers.Add(other);
            await db.SaveChangesAsync(Ct);
        }
        var his = await _mediation.BookAsync(_complaint.Id, Request(18), Ct);
        var hers = await _mediation.BookAsync(_complaint.Id, new AppointmentRequest(new DateOnly(2026, 3, 19), new TimeOnly(9, 0), 60, "Salle 3", [other.Id]), Ct);

        Assert.Equal([his.Id], (await _mediation.CalendarAsync(new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 22), _mediator.Id, Ct)).Select(a => a.Id));
        Assert.Equal([hers.Id], (await _mediation.CalendarAsync(new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 22), other.Id, Ct)).Select(a => a.Id));
        Assert.Equal(2, (await _mediation.CalendarAsync(new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 22), ct: Ct)).Count);
    }

    [Fact]
    public async Task A_mediator_account_reaches_only_the_cases_it_is_booked_for()
    {
        var other = await _database.CreateService().CreateAsync(TestCases.Complaint(), Ct);
        Assert.Empty(await _mediation.CasesOfMediatorAsync("mediator", Ct));
        await _mediation.BookAsync(_complaint.Id, Request(18), Ct);

        var reachable = await _mediation.CasesOfMediatorAsync("mediator", Ct);

        Assert.Equal([_complaint.Id], reachable);
        Assert.DoesNotContain(other.Id, reachable);
        Assert.Empty(await _mediation.CasesOfMediatorAsync("officer", Ct));
    }

    [Fact]
    public async Task A_meeting_is_booked_only_once_the_mediator_is_referred_to()
    {
        var fresh = await _database.CreateService().CreateAsync(TestCases.Complaint(), Ct);
        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => _mediation.BookAsync(fresh.Id, Request(18), Ct));
        Assert.StartsWith("Saisissez d'abord le médiateur", refusal.Message);
    }
}

public sealed class SqliteMediationServiceTests : MediationServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlMediationServiceTests : MediationServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
