using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using static RelationsUsagers.Core.Tests.Cdu.CduTestData;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>
/// Each change of an agenda and its publication is an audit line of its own: the meeting, the item's number and kind,
/// what changed; the case the item cites; never the item's title or text, typed freely.
/// </summary>
public abstract class CduAgendaAuditTests
{
    protected abstract DatabaseProvider Provider { get; }

    private const char Nbsp = '\u00A0';

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<AuditEntry>> AgendaLinesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.AgendaChanged).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Adding_editing_reordering_removing_and_publishing_each_write_a_line_without_the_items_words()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var complaint = await database.AddCaseAsync(Complaint(D(2026, 2, 1), "Maternité"), "PLT-2026-00004", CaseStatus.AwaitingCdu);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 26));
        var agenda = database.Agenda();

        var added = await agenda.AddAsync(meeting.Id,
        [
            new AgendaItem { Kind = AgendaItemKind.ComplaintToExamine, CaseFileId = complaint.Id, Title = "Réclamation de M. Ménard",
                Text = "Le fils de M. Ménard, Pierre, conteste l'attente." },
            new AgendaItem { Title = "Travaux du hall d'accueil" },
        ], Ct);
        var works = added[1];
        works.Title = "Travaux du hall et de la cafétéria";
        works.Documents = [new AgendaDocument { Name = "plan-des-travaux.pdf" }];
        await agenda.UpdateAsync(works, Ct);
        await agenda.ReorderAsync(meeting.Id, [works.Id, added[0].Id], Ct);
        await agenda.RemoveAsync(added[0].Id, Ct);
        await agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, ct: Ct);

        var lines = await AgendaLinesAsync(database);
        Assert.Equal(
        [
            ($"Séance du 26/03/2026{Nbsp}: point 1 (Réclamation à examiner) ajouté", complaint.Id, "PLT-2026-00004"),
            ($"Séance du 26/03/2026{Nbsp}: point 2 (Point divers) ajouté", null, null),
            ($"Séance du 26/03/2026{Nbsp}: point 2 (Point divers) modifié (titre, documents)", null, null),
            ($"Séance du 26/03/2026{Nbsp}: points réordonnés (anciens numéros dans le nouvel ordre{Nbsp}: 2, 1)", null, null),
            ($"Séance du 26/03/2026{Nbsp}: point 2 (Réclamation à examiner) retiré", complaint.Id, "PLT-2026-00004"),
            ($"Séance du 26/03/2026{Nbsp}: ordre du jour publié (1 point, convocation envoyée le 15/03/2026)", null, null),
        ], lines.Select(l => (l.Details, l.CaseFileId, l.CaseReference)));
        Assert.All(lines, l => Assert.Equal(TestDatabase.DefaultUserName, l.UserName));
        Assert.DoesNotContain(lines, l => l.Details!.Contains("Ménard", StringComparison.Ordinal) || l.Details.Contains("hall", StringComparison.Ordinal)
            || l.Details.Contains("plan-des-travaux", StringComparison.Ordinal));
        Assert.True((await new AuditService(database.Factory).VerifyChainAsync(Ct)).IsWhole);
    }

    [Fact]
    public async Task The_cited_case_journal_shows_that_it_went_on_the_agenda()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var complaint = await database.AddCaseAsync(Complaint(D(2026, 2, 1)), "PLT-2026-00004", CaseStatus.AwaitingCdu);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 26));
        await database.Agenda().AddAsync(meeting.Id, [new AgendaItem { Kind = AgendaItemKind.ComplaintToExamine, CaseFileId = complaint.Id, Title = "Réclamation" }], Ct);

        var trail = await new AuditService(database.Factory).GetCaseTrailAsync(complaint.Id, Ct);

        Assert.Contains(trail, a => a.Action == AuditActions.AgendaChanged && a.Details == $"Séance du 26/03/2026{Nbsp}: point 1 (Réclamation à examiner) ajouté");
    }

    [Fact]
    public async Task Saving_an_item_unchanged_or_the_same_order_writes_no_line()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 26));
        var agenda = database.Agenda();
        var added = await agenda.AddAsync(meeting.Id, [new AgendaItem { Title = "Premier point" }, new AgendaItem { Title = "Second point", Text = "Texte" }], Ct);

        await agenda.UpdateAsync(new AgendaItem { Id = added[1].Id, Title = " Second point ", Text = "Texte " }, Ct);
        await agenda.ReorderAsync(meeting.Id, [added[0].Id, added[1].Id], Ct);

        Assert.Equal(2, (await AgendaLinesAsync(database)).Count);
    }

    [Fact]
    public async Task A_refused_change_writes_no_line()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var meeting = await database.AddMeetingAsync(D(2026, 3, 20));
        var agenda = database.Agenda();
        await agenda.AddAsync(meeting.Id, [new AgendaItem { Title = "Point unique" }], Ct);

        // The convocation is late for a meeting on 20 March (8 days: 12 March at the latest).
        await Assert.ThrowsAsync<CaseRuleException>(() => agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, ct: Ct));
        await Assert.ThrowsAsync<CaseRuleException>(() => agenda.AddAsync(meeting.Id, [new AgendaItem { Title = "" }], Ct));

        Assert.Single(await AgendaLinesAsync(database));
    }
}

public sealed class SqliteCduAgendaAuditTests : CduAgendaAuditTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCduAgendaAuditTests : CduAgendaAuditTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
