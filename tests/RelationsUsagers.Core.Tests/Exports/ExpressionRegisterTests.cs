using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Expressions;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Core.Tests.Cdu;
using static RelationsUsagers.Core.Tests.Exports.ExportTestData;

namespace RelationsUsagers.Core.Tests.Exports;

/// <summary>The register of the users' expressions, exported like the others: opened and read back.</summary>
public abstract class ExpressionRegisterTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_period_s_expressions_are_listed_in_date_order_with_their_kind_and_the_export_is_audited_first()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await database.AddAsync(
            new UserExpression { Kind = ExpressionKind.DeskVisit, OccurredOn = D(2026, 2, 3), Channel = Channel.FrontDesk, Text = "Question sur une facture.", RecordedBy = "officer" },
            new UserExpression { Kind = ExpressionKind.Praise, OccurredOn = D(2026, 1, 15), Channel = Channel.Mail, Service = "Maternité", Text = "Merci à l'équipe.", RecordedBy = "officer" },
            new UserExpression { Kind = ExpressionKind.Praise, OccurredOn = D(2025, 12, 31), Channel = Channel.Mail, Text = "Hors période.", RecordedBy = "officer" });

        var bytes = await ExportAsync(s => CreateExportService(database).WriteExpressionsAsync(s, D(2026, 1, 1), D(2026, 3, 31), Ct));

        AssertValidOpenXml(bytes);
        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet("Expressions");
        Assert.Equal("Date", sheet.Cell(1, 1).GetString());
        Assert.Equal((new DateTime(2026, 1, 15), "Éloge", "Maternité", "Merci à l'équipe."),
            (sheet.Cell(2, 1).GetDateTime(), sheet.Cell(2, 2).GetString(), sheet.Cell(2, 4).GetString(), sheet.Cell(2, 7).GetString()));
        Assert.Equal(("Visite à l'accueil", "Accueil"), (sheet.Cell(3, 2).GetString(), sheet.Cell(3, 3).GetString()));
        Assert.True(sheet.Cell(4, 1).IsEmpty());
        await using var db = database.CreateContext();
        Assert.Equal("Registre des expressions des usagers du 01/01/2026 au 31/03/2026 (2 lignes)",
            (await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Exported, Ct)).Details);
    }
}

public sealed class SqliteExpressionRegisterTests : ExpressionRegisterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlExpressionRegisterTests : ExpressionRegisterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
