using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Core.Security;
using static RelationsUsagers.Core.Tests.Queue.QueueFixture;

namespace RelationsUsagers.Core.Tests.Queue;

/// <summary>
/// A search in the queue looks for a person: one audit line with the filter, the count and the references listed, never
/// the text typed; the queue's own repeats (live refresh, debounced typing) write nothing more.
/// </summary>
public abstract class QueueSearchAuditTests
{
    protected abstract DatabaseProvider Provider { get; }

    private const char Nbsp = '\u00A0';
    private const string SearchFilter = " ; filtre : recherche par nom ou référence (texte non conservé)";

    private static QueueFilter Search(string text) => new() { Search = text };

    private static async Task<List<AuditEntry>> LinesAsync(QueueFixture queue, string action)
    {
        await using var db = queue.Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private static async Task<List<AuditEntry>> AllLinesAsync(QueueFixture queue)
    {
        await using var db = queue.Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_name_search_writes_one_line_with_the_count_and_the_references_and_never_the_name()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var first = await queue.AccessAsync(D(3, 10)); // Hélène Lefèvre, due 18 March
        var second = await queue.AccessAsync(D(3, 11)); // the same patient, due 19 March
        await queue.Cases.CreateAsync(TestCases.Complaint(), Ct); // Joseph Ménard

        var page = await queue.PageAsync(Search("Lefèvre"));

        Assert.Equal(2, page.TotalCount);
        var line = Assert.Single(await LinesAsync(queue, AuditActions.QueueSearched));
        Assert.Equal((TestDatabase.DefaultUserName, null, null), (line.UserName, line.CaseFileId, line.CaseReference));
        Assert.Equal($"2 dossiers trouvés{Nbsp}; page 1{Nbsp}: {first.Reference}, {second.Reference}{SearchFilter}", line.Details);
        Assert.DoesNotContain(await AllLinesAsync(queue), a =>
            $"{a.Details} {a.CaseReference}".Contains("lef", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_search_past_the_count_cap_says_more_than_the_cap_found()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var first = await queue.AccessAsync(D(3, 10)); // Hélène Lefèvre, due 18 March
        await queue.AccessAsync(D(3, 11));
        await queue.AccessAsync(D(3, 12));
        var capped = new CaseQueueService(queue.Database.Factory, queue.Database.Clock) { CountCap = 2 };

        var page = await capped.GetPageAsync(Search("lefevre"), new PageRequest(0, 1), Ct);

        Assert.Equal((2, true), (page.TotalCount, page.MoreThanTotal));
        var line = Assert.Single(await LinesAsync(queue, AuditActions.QueueSearched));
        Assert.Equal($"Plus de 2 dossiers trouvés{Nbsp}; page 1{Nbsp}: {first.Reference}{SearchFilter}", line.Details);
    }

    [Fact]
    public async Task An_IPP_search_keeps_the_references_found_not_the_number_typed()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var lefevre = await queue.AccessAsync(D(3, 10)); // IPP 700123456

        await queue.PageAsync(Search("0123456"));

        var line = Assert.Single(await LinesAsync(queue, AuditActions.QueueSearched));
        Assert.Equal($"1 dossier trouvé{Nbsp}; page 1{Nbsp}: {lefevre.Reference}{SearchFilter}", line.Details);
        Assert.DoesNotContain("0123456", line.Details);
    }

    [Fact]
    public async Task The_same_search_with_the_same_results_again_writes_no_second_line()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10));

        await queue.PageAsync(Search("lefevre"));
        queue.Database.Clock.Advance(TimeSpan.FromMinutes(4));
        await queue.PageAsync(Search("lefevre"));
        // Typing on: another text that finds the same cases with the same filter shows the same thing.
        await queue.PageAsync(Search("lefevre helene"));

        Assert.Single(await LinesAsync(queue, AuditActions.QueueSearched));
    }

    [Fact]
    public async Task The_same_search_after_the_repeat_window_writes_a_new_line()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10));

        await queue.PageAsync(Search("lefevre"));
        queue.Database.Clock.Advance(AuditReads.RepeatWindow + TimeSpan.FromSeconds(1));
        await queue.PageAsync(Search("lefevre"));

        Assert.Equal(2, (await LinesAsync(queue, AuditActions.QueueSearched)).Count);
    }

    [Fact]
    public async Task Another_page_another_result_or_another_user_writes_a_new_line()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var first = await queue.AccessAsync(D(3, 10));
        var second = await queue.AccessAsync(D(3, 11));

        await queue.PageAsync(Search("lefevre"), new PageRequest(0, 1));
        await queue.PageAsync(Search("lefevre"), new PageRequest(1, 1));
        await queue.AccessAsync(D(3, 12)); // a third case found: the same page now tells 3
        await queue.PageAsync(Search("lefevre"), new PageRequest(1, 1));
        await new CaseQueueService(queue.Database.FactoryFor("j.roux"), queue.Database.Clock)
            .GetPageAsync(Search("lefevre"), new PageRequest(1, 1), Ct);

        var lines = await LinesAsync(queue, AuditActions.QueueSearched);
        Assert.Equal(
        [
            $"{TestDatabase.DefaultUserName} 2 dossiers trouvés{Nbsp}; page 1{Nbsp}: {first.Reference}{SearchFilter}",
            $"{TestDatabase.DefaultUserName} 2 dossiers trouvés{Nbsp}; page 2{Nbsp}: {second.Reference}{SearchFilter}",
            $"{TestDatabase.DefaultUserName} 3 dossiers trouvés{Nbsp}; page 2{Nbsp}: {second.Reference}{SearchFilter}",
            $"j.roux 3 dossiers trouvés{Nbsp}; page 2{Nbsp}: {second.Reference}{SearchFilter}",
        ], lines.Select(l => $"{l.UserName} {l.Details}"));
    }

    [Fact]
    public async Task The_other_filters_are_kept_in_french_beside_the_search()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10));

        await queue.PageAsync(Search("dupont") with { OverdueOnly = true, IncludeClosed = true });

        var line = Assert.Single(await LinesAsync(queue, AuditActions.QueueSearched));
        Assert.Equal("Aucun dossier trouvé ; filtre : en retard, recherche par nom ou référence (texte non conservé), dossiers clos compris",
            line.Details);
    }

    [Fact]
    public async Task Without_a_search_the_queue_writes_no_line()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10));
        var before = (await AllLinesAsync(queue)).Count;

        await queue.PageAsync(new QueueFilter());
        await queue.PageAsync(new QueueFilter { Kind = RelationsUsagers.Core.Cases.CaseKind.AccessRequest, OverdueOnly = true });
        await queue.PageAsync(Search("   "));
        Assert.Equal(0, await queue.Queue.CountClosedMatchesAsync(new QueueFilter(), Ct));

        Assert.Equal(before, (await AllLinesAsync(queue)).Count);
    }

    [Fact]
    public async Task Counting_the_closed_cases_of_a_search_writes_the_count_alone_once_and_the_chain_verifies()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.ClosedAccessAsync(D(2, 10));
        await queue.RefusedAccessAsync(D(2, 12)); // both for Hélène Lefèvre

        // The queue asks both on each refresh: each line finds its own previous one.
        for (var refresh = 0; refresh < 3; refresh++)
        {
            Assert.Equal(0, (await queue.PageAsync(Search("lefevre"))).TotalCount);
            Assert.Equal(2, await queue.Queue.CountClosedMatchesAsync(Search("lefevre"), Ct));
        }

        var search = Assert.Single(await LinesAsync(queue, AuditActions.QueueSearched));
        Assert.Equal("Aucun dossier trouvé" + SearchFilter, search.Details);
        var count = Assert.Single(await LinesAsync(queue, AuditActions.ClosedCasesCounted));
        Assert.Equal("2 dossiers clos correspondent (nombre seul affiché)" + SearchFilter, count.Details);
        Assert.Null(count.CaseFileId);
        Assert.True((await new AuditService(queue.Database.Factory).VerifyChainAsync(Ct)).IsWhole);
    }
}

public sealed class SqliteQueueSearchAuditTests : QueueSearchAuditTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlQueueSearchAuditTests : QueueSearchAuditTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
