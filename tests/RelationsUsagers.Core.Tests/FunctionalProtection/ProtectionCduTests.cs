using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Core.Tests.Cdu;

namespace RelationsUsagers.Core.Tests.FunctionalProtection;

/// <summary>Protection fonctionnelle and the CDU: never on its agenda, and the agent's name scrubbed from what members read.</summary>
public abstract class ProtectionCduTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class RoleFactory(TestDatabase database, string userName, string role) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            CoreServices.Configure(builder, database.ConnectionString, database.Provider);
            return new AppDbContext(builder.Options, new FixedCurrentUser(userName, [role]), database.Clock);
        }
    }

    [Fact]
    public async Task A_protection_file_is_refused_on_the_agenda_and_its_agents_name_is_scrubbed_for_members()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var protection = await database.CreateService().CreateAsync(ProtectionAccessTests.Request(), Ct);
        var meeting = await database.AddMeetingAsync(new DateOnly(2026, 3, 26));

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() => database.Agenda().AddAsync(meeting.Id,
            [new AgendaItem { Kind = AgendaItemKind.FreeItem, Title = "Point sur une agression", Text = "Suivi.", CaseFileId = protection.Id }], Ct));
        Assert.Equal("Ce dossier ne peut pas être inscrit à l'ordre du jour de la CDU : son accès est réservé.", refused.Message);

        // A free item naming the agent, read by a real CDU member (who may not see the file): her name is gone all the same.
        var published = await database.AddMeetingAsync(new DateOnly(2026, 3, 27), CduMeetingStatus.AgendaPublished,
            new AgendaItem { Kind = AgendaItemKind.FreeItem, Title = "Accueil des Urgences", Text = "Amandine Perrot, infirmière, a été agressée à l'accueil." });
        var item = (await new CduMemberViewService(new RoleFactory(database, "cdu", Roles.CduMember), database.Clock).GetPublishedAgendaAsync(ct: Ct))!
            .Items.Single();
        Assert.DoesNotContain("Perrot", item.Text, StringComparison.Ordinal);
        Assert.NotEqual(default, published.Id);
    }
}

public sealed class SqliteProtectionCduTests : ProtectionCduTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlProtectionCduTests : ProtectionCduTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
