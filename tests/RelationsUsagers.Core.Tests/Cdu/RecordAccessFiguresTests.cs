using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.AccessRequests.Tracking;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using static RelationsUsagers.Core.Cases.CaseEventTypes;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>
/// What the CDU and the ARS are told (R.1112-80 II c)) follows the legal delay of L.1111-7 from receipt (R.1111-1 al.4), which
/// the office's suspensions never move; an on-site consultation offered meets it on the day of the offer (R.1111-2). The
/// tracking workbook's « délai respecté » follows the setting <c>Exports:OnTimeFrom</c>.
/// </summary>
public abstract class RecordAccessFiguresTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Received and complete on 02/03/2026 (legal and office's 8 days: 10/03), the office suspended every clock from 04/03
    // to 08/03 (5 days: its own count moves to 15/03), copy sent 12/03.
    private static AccessRequest SuspendedAndSentLate()
    {
        var request = TestCases.AccessRequest(D(2026, 3, 2));
        request.CompletedOn = D(2026, 3, 2);
        return request;
    }

    private static ClockSuspension FourToEightMarch(Guid caseId) => new()
    {
        CaseFileId = caseId, Reason = "Attente du choix du mode de communication", StartedOn = D(2026, 3, 4), EndedOn = D(2026, 3, 9),
        StartedBy = "c.martin", EndedBy = "c.martin",
    };

    [Fact]
    public async Task The_figures_count_the_legal_delay_unmoved_by_suspensions_and_an_offer_on_its_day()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var late = await database.AddCaseAsync(SuspendedAndSentLate(), "DAD-2026-00001", CaseStatus.Sent, (CopySent, D(2026, 3, 12), null));
        await database.AddAsync(FourToEightMarch(late.Id));
        // Received 02/03 (due 10/03), consultation offered 09/03, the requester came on 20/03: in time, 7 days.
        await database.AddCaseAsync(TestCases.AccessRequest(D(2026, 3, 2)), "DAD-2026-00002", CaseStatus.Sent,
            (OnSiteOffered, D(2026, 3, 9), null), (OnSiteConsultation, D(2026, 3, 20), null));

        await using var db = database.CreateContext();
        var figures = await RecordAccessFigures.ComputeAsync(db, D(2026, 3, 1), D(2026, 3, 31), Ct);

        // 12/03 is 10 days after receipt, late on 10/03 whatever the suspension; the offer: 7 days, in time. Average 8.5 days.
        Assert.Equal((2, 2, 1, 8.5), (figures.Sent, figures.SentUnder8Days, figures.SentWithin8Days, figures.AverageDays8Days));
    }

    [Theory]
    // From receipt (the law, R.1111-1 al.4): due 10/03, not moved; sent 12/03 → late.
    [InlineData(OnTimeFrom.Receipt, "2026-03-10", false)]
    // From the complete request (office practice): 10/03 + 5 suspended days = 15/03 → in time.
    [InlineData(OnTimeFrom.CompleteRequest, "2026-03-15", true)]
    public void The_tracking_workbooks_verdict_follows_the_setting(OnTimeFrom onTimeFrom, string dueOn, bool onTime)
    {
        var request = SuspendedAndSentLate();
        request.Events = [new CaseEvent { Type = CopySent, OccurredOn = D(2026, 3, 12) }];
        var row = AccessRequestDashboard.Build(request, [FourToEightMarch(request.Id)], LegalClock.Default, onTimeFrom, D(2026, 3, 15));
        Assert.Equal((DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture), D(2026, 3, 10), (bool?)onTime),
            (row.DueOn, row.LegalDueOn, row.OnTime));
    }
}

public sealed class SqliteRecordAccessFiguresTests : RecordAccessFiguresTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlRecordAccessFiguresTests : RecordAccessFiguresTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
