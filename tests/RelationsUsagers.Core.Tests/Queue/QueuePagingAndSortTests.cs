using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Tests.Queue.QueueFixture;

namespace RelationsUsagers.Core.Tests.Queue;

/// <summary>Server-side paging (Skip/Take, TotalCount) and the whitelist of sort columns.</summary>
public abstract class QueuePagingAndSortTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static readonly QueueFilter All = new();

    [Fact]
    public async Task Pages_split_the_urgency_order_without_overlap_and_report_the_total()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var byUrgency = new List<string>();
        for (var day = 1; day <= 5; day++)
            byUrgency.Add((await queue.AccessAsync(D(3, day))).Reference);

        var first = await queue.PageAsync(All, new PageRequest(0, 2));
        var second = await queue.PageAsync(All, new PageRequest(1, 2));
        var last = await queue.PageAsync(All, new PageRequest(2, 2));
        var beyond = await queue.PageAsync(All, new PageRequest(3, 2));

        Assert.Equal((5, 5, 5, 5), (first.TotalCount, second.TotalCount, last.TotalCount, beyond.TotalCount));
        Assert.Equal(byUrgency[..2], first.Items.Select(i => i.Reference));
        Assert.Equal(byUrgency[2..4], second.Items.Select(i => i.Reference));
        Assert.Equal(byUrgency[4..], last.Items.Select(i => i.Reference));
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task Pages_that_run_past_the_last_dated_case_continue_with_the_undated_ones_by_reference()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var undated1 = await queue.PraiseAsync(D(3, 10));
        var dated3 = await queue.AccessAsync(D(3, 12));
        var undated2 = await queue.PraiseAsync(D(3, 11));
        var dated1 = await queue.AccessAsync(D(3, 2));
        var undated3 = await queue.PraiseAsync(D(3, 12));
        var dated2 = await queue.AccessAsync(D(3, 5));
        string[] expected = [dated1.Reference, dated2.Reference, dated3.Reference, undated1.Reference, undated2.Reference, undated3.Reference];

        foreach (var size in new[] { 1, 2, 3, 4, 5, 6, 7 })
        {
            var pages = new List<string>();
            for (var page = 0; page * size < expected.Length + size; page++)
            {
                var result = await queue.PageAsync(new QueueFilter(), new PageRequest(page, size));
                Assert.Equal(6, result.TotalCount);
                Assert.True(result.Items.Count <= size);
                pages.AddRange(result.Items.Select(i => i.Reference));
            }
            Assert.Equal(expected, pages);
        }
    }

    [Fact]
    public async Task Past_its_cap_the_total_stops_at_the_cap_says_more_and_a_page_past_it_counts_on_to_the_next_cap()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        // Four access requests, due 9 to 12 March (received 1 to 4 March + 8 days), then three undated words of praise.
        var a1 = await queue.AccessAsync(D(3, 1));
        var a2 = await queue.AccessAsync(D(3, 2));
        var a3 = await queue.AccessAsync(D(3, 3));
        var a4 = await queue.AccessAsync(D(3, 4));
        var p1 = await queue.PraiseAsync(D(3, 5));
        var p2 = await queue.PraiseAsync(D(3, 6));
        var p3 = await queue.PraiseAsync(D(3, 7));
        var capped = new CaseQueueService(queue.Database.Factory, queue.Database.Clock) { CountCap = 3 };
        async Task<(int, bool, string)> PageAsync(QueueFilter filter, int page)
        {
            var result = await capped.GetPageAsync(filter, new PageRequest(page, 2), Ct);
            return (result.TotalCount, result.MoreThanTotal, string.Join(" ", result.Items.Select(i => i.Reference)));
        }

        // Pages 1 and 2 (rows 1 to 4) count up to 3: 7 cases are « more than 3 ».
        Assert.Equal((3, true, $"{a1.Reference} {a2.Reference}"), await PageAsync(All, 0));
        Assert.Equal((3, true, $"{a3.Reference} {a4.Reference}"), await PageAsync(All, 1));
        // Page 3 starts at row 5, past the cap: counted up to 6, still more; its rows are the undated part.
        Assert.Equal((6, true, $"{p1.Reference} {p2.Reference}"), await PageAsync(All, 2));
        // Page 4 starts at row 7: counted up to 9, so the count is exact.
        Assert.Equal((7, false, p3.Reference), await PageAsync(All, 3));
        // Exactly as many matches as the cap: an exact count, not « more ».
        Assert.Equal((3, false, $"{p1.Reference} {p2.Reference}"), await PageAsync(new QueueFilter { Kind = CaseKind.Complaint }, 0));
        var uncapped = await queue.PageAsync(All);
        Assert.Equal((7, false), (uncapped.TotalCount, uncapped.MoreThanTotal));
    }

    [Fact]
    public async Task Undated_cases_on_a_later_page_still_respect_the_filter()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.PraiseAsync(D(3, 10));                                          // a complaint: filtered out
        var dated = await queue.AccessAsync(D(3, 2));
        var undated = await queue.AccessAsync(D(3, 3));
        // Copy sent: the deadline is met, the case has no due date any more.
        var complete = await queue.Cases.AddEventAsync(undated.Id, undated.ConcurrencyStamp, CaseEventTypes.ProofsComplete, D(3, 3), null, Ct);
        await queue.Cases.AddEventAsync(undated.Id, complete.ConcurrencyStamp, CaseEventTypes.CopySent, D(3, 9), null, Ct);
        var filter = new QueueFilter { Kind = CaseKind.AccessRequest };

        Assert.Equal([dated.Reference], await queue.ReferencesAsync(filter, new PageRequest(0, 1)));
        Assert.Equal([undated.Reference], await queue.ReferencesAsync(filter, new PageRequest(1, 1)));
        Assert.Empty(await queue.ReferencesAsync(filter, new PageRequest(2, 1)));
    }

    [Fact]
    public async Task A_negative_page_number_is_read_as_the_first_page()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var first = await queue.AccessAsync(D(3, 1));
        await queue.AccessAsync(D(3, 2));

        Assert.Equal([first.Reference], await queue.ReferencesAsync(All, new PageRequest(-1, 1)));
    }

    [Fact]
    public async Task The_total_counts_the_filtered_cases_not_the_page()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        for (var day = 1; day <= 4; day++)
            await queue.AccessAsync(D(3, day));
        await queue.Cases.CreateAsync(TestCases.Complaint(), Ct);

        var page = await queue.PageAsync(new QueueFilter { Kind = CaseKind.AccessRequest }, new PageRequest(0, 3));

        Assert.Equal((3, 4), (page.Items.Count, page.TotalCount));
    }

    /// <summary>
    /// Three cases whose reference, receipt and patient orders all differ:
    /// DAD-1 Martin received 8 March, DAD-2 Abadie received 12 March, DAD-3 Zeller received 3 March.
    /// </summary>
    private static async Task<(string Martin, string Abadie, string Zeller)> ThreeCasesAsync(QueueFixture queue)
    {
        var martin = await queue.AccessAsync(D(3, 8), r => r.Patient.LastName = "Martin");
        var abadie = await queue.AccessAsync(D(3, 12), r => r.Patient.LastName = "Abadie");
        var zeller = await queue.AccessAsync(D(3, 3), r => r.Patient.LastName = "Zeller");
        return (martin.Reference, abadie.Reference, zeller.Reference);
    }

    [Fact]
    public async Task Sorting_by_reference_ascending_and_descending()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var (martin, abadie, zeller) = await ThreeCasesAsync(queue);

        Assert.Equal([martin, abadie, zeller], await queue.ReferencesAsync(All, new PageRequest(0, 10, QueueSort.Reference)));
        Assert.Equal([zeller, abadie, martin], await queue.ReferencesAsync(All, new PageRequest(0, 10, QueueSort.Reference, Descending: true)));
    }

    [Fact]
    public async Task Sorting_by_received_date_ascending_and_descending()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var (martin, abadie, zeller) = await ThreeCasesAsync(queue);

        Assert.Equal([zeller, martin, abadie], await queue.ReferencesAsync(All, new PageRequest(0, 10, QueueSort.ReceivedOn)));
        Assert.Equal([abadie, martin, zeller], await queue.ReferencesAsync(All, new PageRequest(0, 10, QueueSort.ReceivedOn, Descending: true)));
    }

    [Fact]
    public async Task Sorting_by_patient_ascending_and_descending()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var (martin, abadie, zeller) = await ThreeCasesAsync(queue);

        Assert.Equal([abadie, martin, zeller], await queue.ReferencesAsync(All, new PageRequest(0, 10, QueueSort.Patient)));
        Assert.Equal([zeller, martin, abadie], await queue.ReferencesAsync(All, new PageRequest(0, 10, QueueSort.Patient, Descending: true)));
    }

    [Fact]
    public async Task Sorting_by_patient_ignores_accents_and_case()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var emile = await queue.AccessAsync(D(3, 8), r => r.Patient.LastName = "Émery");
        var dupont = await queue.AccessAsync(D(3, 9), r => r.Patient.LastName = "dupont");
        var fabre = await queue.AccessAsync(D(3, 10), r => r.Patient.LastName = "Fabre");

        Assert.Equal([dupont.Reference, emile.Reference, fabre.Reference], await queue.ReferencesAsync(All, new PageRequest(0, 10, QueueSort.Patient)));
    }

    [Fact]
    public async Task Sorting_by_next_due_date_descending_keeps_undated_cases_last()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var undated = await queue.PraiseAsync(D(3, 10));
        var early = await queue.AccessAsync(D(3, 2));
        var late = await queue.AccessAsync(D(3, 12));

        Assert.Equal([late.Reference, early.Reference, undated.Reference],
            await queue.ReferencesAsync(All, new PageRequest(0, 10, QueueSort.NextDue, Descending: true)));
    }

    [Fact]
    public async Task An_unknown_sort_value_falls_back_to_urgency()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var (martin, abadie, zeller) = await ThreeCasesAsync(queue);

        Assert.Equal([zeller, martin, abadie], await queue.ReferencesAsync(All, new PageRequest(0, 10, (QueueSort)99)));
        Assert.Equal([zeller, martin, abadie], await queue.ReferencesAsync(All, new PageRequest(0, 10)));
    }
}

public sealed class SqliteQueuePagingAndSortTests : QueuePagingAndSortTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlQueuePagingAndSortTests : QueuePagingAndSortTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
