using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Tests.Security;

/// <summary>Reading the audit trail, a case's or the whole journal, is itself audited; the journal's filters and pages.</summary>
public abstract class AuditJournalTests
{
    protected abstract DatabaseProvider Provider { get; }

    private const char Nbsp = '\u00A0';
    private const string Manager = "s.benali";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AuditService Journal(TestDatabase database) => new(database.FactoryFor(Manager));

    private static async Task<List<AuditEntry>> LinesAsync(TestDatabase database, string action)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Reading_a_case_trail_is_written_on_the_case_after_the_read_and_again_only_after_a_change_or_a_while()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var created = await database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct); // lines 1 and 2

        var first = await Journal(database).GetCaseTrailAsync(created.Id, Ct);

        Assert.DoesNotContain(first, a => a.Action == AuditActions.JournalRead);
        var line = Assert.Single(await LinesAsync(database, AuditActions.JournalRead));
        Assert.Equal((Manager, created.Id, created.Reference, $"Journal du dossier jusqu'à la ligne n°{Nbsp}2"),
            (line.UserName, line.CaseFileId, line.CaseReference, line.Details));

        database.Clock.Advance(TimeSpan.FromMinutes(2));
        var second = await Journal(database).GetCaseTrailAsync(created.Id, Ct);
        Assert.Equal(AuditActions.JournalRead, second[0].Action);
        Assert.Single(await LinesAsync(database, AuditActions.JournalRead));

        await database.CreateService().OpenAsync(created.Id, Ct); // line 4
        await Journal(database).GetCaseTrailAsync(created.Id, Ct);
        database.Clock.Advance(AuditReads.RepeatWindow);
        await Journal(database).GetCaseTrailAsync(created.Id, Ct);

        Assert.Equal([$"Journal du dossier jusqu'à la ligne n°{Nbsp}2", $"Journal du dossier jusqu'à la ligne n°{Nbsp}4", $"Journal du dossier jusqu'à la ligne n°{Nbsp}4"],
            (await LinesAsync(database, AuditActions.JournalRead)).Select(l => l.Details));
    }

    [Fact]
    public async Task The_trail_of_a_case_that_does_not_exist_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);

        Assert.Empty(await Journal(database).GetCaseTrailAsync(Guid.CreateVersion7(), Ct));
        Assert.Empty(await LinesAsync(database, AuditActions.JournalRead));
    }

    [Fact]
    public async Task The_journal_lists_every_line_newest_first_a_page_at_a_time_with_details_in_french()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var created = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        var opened = (await service.OpenAsync(created.Id, Ct))!;
        opened.Patient.LastName = "Bérénger";
        await service.UpdateAsync(opened, Ct);

        var page = await Journal(database).GetJournalPageAsync(new AuditJournalFilter(), 0, pageSize: 2, ct: Ct);

        // Création, Événement ajouté (reçu), Consultation, Modification.
        Assert.Equal(4, page.TotalCount);
        Assert.Equal([AuditActions.Updated, AuditActions.Opened], page.Items.Select(a => a.Action));
        Assert.Equal($"Nom du patient{Nbsp}: Lefèvre → Bérénger", page.Items[0].Details);
        // Read up to the same line: the first page's own reading line, written since, does not shift the second page.
        var next = await Journal(database).GetJournalPageAsync(new AuditJournalFilter(), 1, page.UpToId, pageSize: 2, ct: Ct);
        Assert.Equal([AuditActions.EventAdded, AuditActions.Created], next.Items.Select(a => a.Action));
        Assert.Equal((4, 4L), (next.TotalCount, next.UpToId));
    }

    [Fact]
    public async Task The_period_is_in_Paris_days()
    {
        // 14 March 22:30 UTC is 23:30 in Paris (UTC+1 in March before the 29th): still the 14th.
        await using var database = await TestDatabase.CreateAsync(Provider, TestDatabase.DefaultUserName, new DateTimeOffset(2026, 3, 14, 22, 30, 0, TimeSpan.Zero), Ct);
        var service = database.CreateService();
        var late = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        // 23:30 UTC is 00:30 on the 15th in Paris.
        database.Clock.Advance(TimeSpan.FromHours(1));
        var early = await service.CreateAsync(TestCases.Complaint(), Ct);

        var on15 = await Journal(database).GetJournalPageAsync(new AuditJournalFilter { From = new(2026, 3, 15), To = new(2026, 3, 15) }, 0, ct: Ct);
        var on14 = await Journal(database).GetJournalPageAsync(new AuditJournalFilter { To = new(2026, 3, 14) }, 0, ct: Ct);

        Assert.All(on15.Items, a => Assert.Equal(early.Reference, a.CaseReference));
        Assert.All(on14.Items, a => Assert.Equal(late.Reference, a.CaseReference));
        Assert.Equal((2, 2), (on15.TotalCount, on14.TotalCount));
    }

    [Fact]
    public async Task The_journal_filters_by_user_action_and_case_reference_including_the_searches_that_listed_the_case()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var lefevre = await database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct);
        var menard = await database.CreateService("j.roux").CreateAsync(TestCases.Complaint(), Ct);
        await database.CreateService("j.roux").OpenAsync(lefevre.Id, Ct);
        await new CaseQueueService(database.Factory, database.Clock).GetPageAsync(new QueueFilter { Search = "lefevre" }, new PageRequest(0, 25), Ct);

        var roux = await Journal(database).GetJournalPageAsync(new AuditJournalFilter { UserName = "ROUX" }, 0, ct: Ct);
        var opened = await Journal(database).GetJournalPageAsync(new AuditJournalFilter { Action = AuditActions.Opened }, 0, ct: Ct);
        var aboutLefevre = await Journal(database).GetJournalPageAsync(new AuditJournalFilter { CaseReference = lefevre.Reference.ToLowerInvariant() }, 0, ct: Ct);

        Assert.All(roux.Items, a => Assert.Equal("j.roux", a.UserName));
        Assert.Equal(3, roux.TotalCount); // Création and Événement ajouté of Ménard's complaint, Consultation of Lefèvre's request
        Assert.Equal([(AuditActions.Opened, lefevre.Reference)], opened.Items.Select(a => (a.Action, a.CaseReference)));
        Assert.Equal([AuditActions.QueueSearched, AuditActions.Opened, AuditActions.EventAdded, AuditActions.Created],
            aboutLefevre.Items.Select(a => a.Action));
        Assert.DoesNotContain(aboutLefevre.Items, a => a.CaseReference == menard.Reference);
    }

    [Fact]
    public async Task Reading_the_journal_writes_its_filter_page_and_last_line_once_per_distinct_reading_and_the_chain_verifies()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await database.CreateService().CreateAsync(TestCases.AccessRequest(), Ct);
        var filter = new AuditJournalFilter { From = new(2026, 3, 1), To = new(2026, 3, 15), UserName = " c.martin ", Action = AuditActions.Created };

        var first = await Journal(database).GetJournalPageAsync(filter, 0, ct: Ct); // lines 1 and 2: Création, Événement ajouté
        await Journal(database).GetJournalPageAsync(filter, 0, first.UpToId, ct: Ct);
        await Journal(database).GetJournalPageAsync(filter, 1, first.UpToId, ct: Ct);
        await Journal(database).GetJournalPageAsync(new AuditJournalFilter(), 0, ct: Ct);

        var lines = await LinesAsync(database, AuditActions.JournalRead);
        Assert.Equal(
        [
            $"Journal d'audit jusqu'à la ligne n°{Nbsp}2, page 1{Nbsp}; filtre{Nbsp}: du 01/03/2026 au 15/03/2026, utilisateur «{Nbsp}c.martin{Nbsp}», action «{Nbsp}Création{Nbsp}»",
            $"Journal d'audit jusqu'à la ligne n°{Nbsp}2, page 2{Nbsp}; filtre{Nbsp}: du 01/03/2026 au 15/03/2026, utilisateur «{Nbsp}c.martin{Nbsp}», action «{Nbsp}Création{Nbsp}»",
            $"Journal d'audit jusqu'à la ligne n°{Nbsp}4, page 1{Nbsp}; filtre{Nbsp}: tout le journal",
        ], lines.Select(l => l.Details));
        Assert.All(lines, l => Assert.Equal((Manager, (Guid?)null), (l.UserName, l.CaseFileId)));
        Assert.True((await Journal(database).VerifyChainAsync(Ct)).IsWhole);
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_refused_in_french()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);

        var refused = await Assert.ThrowsAsync<RelationsUsagers.Core.Cases.CaseRuleException>(() =>
            Journal(database).GetJournalPageAsync(new AuditJournalFilter { From = new(2026, 3, 15), To = new(2026, 3, 1) }, 0, ct: Ct));

        Assert.Equal("La date de fin doit suivre la date de début.", refused.Message);
    }

    [Fact]
    public void Every_action_is_offered_by_the_journal_filter()
    {
        var constants = typeof(AuditActions).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(constants.Order(), AuditActions.All.Order());
    }
}

public sealed class SqliteAuditJournalTests : AuditJournalTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlAuditJournalTests : AuditJournalTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
