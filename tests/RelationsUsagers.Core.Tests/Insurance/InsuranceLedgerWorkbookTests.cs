using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Insurance;
using RelationsUsagers.Core.Security;
using static RelationsUsagers.Core.Tests.Exports.ExportTestData;
using static RelationsUsagers.Core.Tests.Insurance.InsuranceTestData;

namespace RelationsUsagers.Core.Tests.Insurance;

/// <summary>The ledger of 2025 (<see cref="InsuranceTestData"/>) exported, reopened and read back cell by cell.</summary>
public abstract class InsuranceLedgerWorkbookTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_2025_workbook_holds_the_balance_the_calls_the_claims_and_the_entries_as_numbers_and_the_export_is_audited_first()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var seeded = await SeedAsync(database, Ct);
        var workbook = new InsuranceLedgerWorkbook(Service(database), database.Factory, database.Clock);

        var bytes = await ExportAsync(async s => (await workbook.WriteAsync(s, 2025, Ct)).Claims.Count);

        AssertValidOpenXml(bytes);
        using var book = Open(bytes);
        Assert.Equal(["Bilan", "Cotisations", "Sinistres", "Écritures"], book.Worksheets.Select(w => w.Name));

        var balance = book.Worksheet(InsuranceLedgerWorkbook.BalanceSheet);
        Assert.Equal("Registre de l'assurance responsabilité — exercice 2025", balance.Cell(1, 1).GetString());
        Assert.StartsWith("Situation au 31/12/2025 ; remboursements en attente depuis plus de 90 jours : 1.".Replace(" ;", "\u00A0;").Replace(" :", "\u00A0:"),
            balance.Cell(2, 1).GetString());
        Assert.Equal(("Poste", "Montant"), (balance.Cell(4, 1).GetString(), balance.Cell(4, 2).GetString()));
        (string, double)[] expected =
        [
            ("Cotisations appelées", 50_000.00), ("Cotisations payées", 47_000.50), ("Cotisations échues restant à payer", 12_999.50),
            ("Franchises à la charge de l'établissement", 26_200.00), ("Versé aux victimes par l'établissement", 43_200.00),
            ("Versé aux victimes par l'assureur", 8_000.00), ("Franchises réglées à l'assureur", 5_000.00),
            ("Avancé pour le compte de l'assureur", 25_000.00), ("Remboursements demandés", 25_000.00), ("Remboursements reçus", 23_750.25),
            ("Reste à recouvrer auprès de l'assureur", 6_249.75), ("Franchises restant dues à l'assureur", 3_000.00),
            ("Solde des décaissements de l'exercice", 71_450.25),
        ];
        Assert.Equal(expected, Enumerable.Range(5, expected.Length).Select(r => (balance.Cell(r, 1).GetString(), balance.Cell(r, 2).GetDouble())));
        Assert.Equal(XLDataType.Number, balance.Cell(5, 2).DataType);
        Assert.Equal(ExportFormats.Money, balance.Cell(5, 2).Style.NumberFormat.Format);

        var calls = book.Worksheet(InsuranceLedgerWorkbook.CallsSheet);
        Assert.Equal(["N° de contrat", "Assureur", "Appel", "Échéance", "Montant appelé", "Date de paiement", "Montant payé", "Reste à payer"],
            calls.Row(1).CellsUsed().Select(c => c.GetString()));
        // 2024's last call (paid in 2025) then 2025's four; the call made twice is cancelled, not written.
        Assert.Equal(["RCH-2024-0458", "RCH-2025-0458", "RCH-2025-0458", "RCH-2025-0458", "RCH-2025-0458"],
            Enumerable.Range(2, 5).Select(r => calls.Cell(r, 1).GetString()));
        Assert.True(calls.Cell(7, 1).IsEmpty());
        Assert.Equal(("Échéance 3/4", new DateTime(2025, 7, 15), 12_500.00, new DateTime(2025, 7, 25), 12_000.50, 499.50),
            (calls.Cell(5, 3).GetString(), calls.Cell(5, 4).GetDateTime(), calls.Cell(5, 5).GetDouble(), calls.Cell(5, 6).GetDateTime(),
             calls.Cell(5, 7).GetDouble(), calls.Cell(5, 8).GetDouble()));
        Assert.Equal(("Échéance 4/4", 12_500.00), (calls.Cell(6, 3).GetString(), calls.Cell(6, 8).GetDouble()));
        Assert.True(calls.Cell(6, 6).IsEmpty());

        var claims = book.Worksheet(InsuranceLedgerWorkbook.ClaimsSheet);
        var b = seeded.B.Reference;
        Assert.Equal(("SIN-25-0188", "RCH-2025-0458"), (Cell(claims, b, "Référence de l'assureur").GetString(), Cell(claims, b, "Contrat").GetString()));
        Assert.Equal((15_000.00, 40_000.00, 15_000.00, 25_000.00, 25_000.00, 18_750.25, 6_249.75),
            (Cell(claims, b, "Franchise applicable").GetDouble(), Cell(claims, b, "Versé par l'établissement").GetDouble(),
             Cell(claims, b, "Part de l'établissement").GetDouble(), Cell(claims, b, "Part de l'assureur").GetDouble(), Cell(claims, b, "Avancé").GetDouble(),
             Cell(claims, b, "Remboursements reçus").GetDouble(), Cell(claims, b, "Reste à recouvrer").GetDouble()));
        Assert.Equal((new DateTime(2025, 6, 20), 194.0), (Cell(claims, b, "Demande en attente depuis le").GetDateTime(), Cell(claims, b, "Jours d'attente").GetDouble()));
        Assert.Equal(XLColor.FromHtml("#FFC7CE"), Cell(claims, b, "Dossier d'indemnisation").Style.Fill.BackgroundColor);
        Assert.Equal(3_000.00, Cell(claims, seeded.C.Reference, "Franchise due à l'assureur").GetDouble());
        Assert.NotEqual(XLColor.FromHtml("#FFC7CE"), Cell(claims, seeded.C.Reference, "Dossier d'indemnisation").Style.Fill.BackgroundColor);
        Assert.True(Cell(claims, seeded.C.Reference, "Référence de l'assureur").IsEmpty());
        // Printed like the other registers: landscape, one page wide.
        Assert.Equal((XLPageOrientation.Landscape, 1), (claims.PageSetup.PageOrientation, claims.PageSetup.PagesWide));

        var entries = book.Worksheet(InsuranceLedgerWorkbook.EntriesSheet);
        // 2025's live entries in date order: A 10/03, D's refund 20/02 first; the cancelled 1 000 000,00 is not there.
        Assert.Equal([new DateTime(2025, 2, 20), new DateTime(2025, 3, 10), new DateTime(2025, 6, 16), new DateTime(2025, 6, 20), new DateTime(2025, 9, 10),
                      new DateTime(2025, 10, 1), new DateTime(2025, 12, 15)], Enumerable.Range(2, 7).Select(r => entries.Cell(r, 1).GetDateTime()));
        Assert.Equal((b, "Remboursement reçu de l'assureur", 18_750.25), (entries.Cell(6, 2).GetString(), entries.Cell(6, 4).GetString(), entries.Cell(6, 5).GetDouble()));
        Assert.True(entries.Cell(9, 1).IsEmpty());

        await using var db = database.CreateContext();
        var export = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Exported, Ct);
        Assert.Equal("Registre de l'assurance responsabilité 2025 (4 sinistre(s), 5 appel(s) de cotisation, 7 écriture(s))", export.Details);
    }

    [Fact]
    public async Task A_year_outside_the_range_is_refused_in_French_and_nothing_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var workbook = new InsuranceLedgerWorkbook(Service(database), database.Factory, database.Clock);

        var refused = await Assert.ThrowsAsync<RelationsUsagers.Core.Cases.CaseRuleException>(() => workbook.WriteAsync(Stream.Null, 1999, Ct));

        Assert.Equal("L'année doit être comprise entre 2000 et 2100.", refused.Message);
        await using var db = database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Exported, Ct));
    }
}

public sealed class SqliteInsuranceLedgerWorkbookTests : InsuranceLedgerWorkbookTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlInsuranceLedgerWorkbookTests : InsuranceLedgerWorkbookTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
