using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.AccessRequests.Import;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using static RelationsUsagers.Core.Tests.AccessRequests.Import.DashboardFiles;

namespace RelationsUsagers.Core.Tests.Cases;

/// <summary>The office's table of service aliases: an alias removed is audited with what it meant, and files no longer use it.</summary>
public abstract class ServiceAliasServiceTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Removing_an_alias_is_audited_with_what_it_meant_and_the_next_preview_proposes_the_service_again()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var aliases = new ServiceAliasService(database.Factory);
        await aliases.SaveAsync("Imagerie", "Imagerie médicale", Ct);
        await aliases.SaveAsync("Cardio", "Cardiologie", Ct);
        var importer = new AccessDashboardImporter(database.Factory, database.Clock);
        var file = Build("Suivi", ["Date de réception", "Nom du patient", "Service"], ["02/03/2026", "BLANC Yves", "Imagerie"]);
        Assert.Empty((await importer.PreviewAsync(new MemoryStream(file), "suivi.xlsx", ct: Ct)).UnknownServices);

        var imagerie = (await aliases.ListAsync(Ct)).Single(a => a.Alias == "Imagerie");
        await aliases.RemoveAsync(imagerie.Id, Ct);

        Assert.Equal(["Cardio"], (await aliases.ListAsync(Ct)).Select(a => a.Alias));
        await using var db = database.CreateContext();
        var last = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(Ct);
        Assert.Equal((AuditActions.ServiceAliasChanged, "« Imagerie » retiré (était « Imagerie médicale »)"), (last.Action, last.Details));
        var unknown = Assert.Single((await importer.PreviewAsync(new MemoryStream(file), "suivi.xlsx", ct: Ct)).UnknownServices);
        Assert.Equal(("Imagerie", "Imagerie médicale"), (unknown.Name, unknown.Proposed));
        // Removing it again changes nothing and writes nothing.
        var lines = await db.AuditEntries.CountAsync(Ct);
        await aliases.RemoveAsync(imagerie.Id, Ct);
        Assert.Equal(lines, await db.AuditEntries.CountAsync(Ct));
    }
}

public sealed class SqliteServiceAliasServiceTests : ServiceAliasServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlServiceAliasServiceTests : ServiceAliasServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
