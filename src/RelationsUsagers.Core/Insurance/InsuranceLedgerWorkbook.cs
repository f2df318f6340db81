using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Exports;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Insurance;

/// <summary>
/// The ledger of a year as an Excel workbook: « Bilan » (the balance, figure by figure), « Cotisations » (the calls and
/// their payments), « Sinistres » (each claim's shares, advances and refunds, overdue requests in light red) and
/// « Écritures » (the year's entries). Amounts are native numbers in euros. The export is audited before the file is built.
/// </summary>
public sealed class InsuranceLedgerWorkbook(InsuranceLedgerService ledger, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string Title = "Registre de l'assurance responsabilité";
    public const string BalanceSheet = "Bilan";
    public const string CallsSheet = "Cotisations";
    public const string ClaimsSheet = "Sinistres";
    public const string EntriesSheet = "Écritures";
    public const int FirstYear = 2000, LastYear = 2100;

    public static string FileName(int year) => string.Create(CultureInfo.InvariantCulture, $"registre-assurance-{year}.xlsx");

    public async Task<InsuranceYear> WriteAsync(Stream output, int year, CancellationToken ct = default)
    {
        if (year is < FirstYear or > LastYear)
            throw new CaseRuleException($"L'année doit être comprise entre {FirstYear} et {LastYear}.");
        var data = await ledger.GetYearAsync(year, ct);
        var callRows = data.Policies.SelectMany(p => p.Calls.Where(c => !c.Cancelled && (c.DueOn.Year == year || c.PaidOn?.Year == year))
            .Select(c => CallRow.Build(p.Policy, c))).ToList();
        var claimRows = data.Claims.Select(ClaimRow.Build).ToList();
        var entryRows = data.Claims.SelectMany(c => c.Entries.Where(e => !e.Cancelled && e.On.Year == year)
                .Select(e => new EntryRow(e.On, c.Reference, c.InsurerReference, e.Kind.Label(), e.Amount, e.Note)))
            .OrderBy(r => r.On).ThenBy(r => r.Reference, StringComparer.Ordinal).ToList();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Claim references leave the portal: on record before the file is built, like the registers.
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = db.UtcNow, UserName = db.CurrentUserName, CaseFileId = null, Action = AuditActions.Exported,
                Details = string.Create(CultureInfo.InvariantCulture,
                    $"{Title} {year} ({claimRows.Count} sinistre(s), {callRows.Count} appel(s) de cotisation, {entryRows.Count} écriture(s))"),
            });
            await db.SaveChangesAsync(ct);
        }
        var generatedAt = ParisCalendar.Local(time.GetUtcNow());
        var print = new PrintLayout(string.Create(CultureInfo.InvariantCulture, $"{Title} {year}"), generatedAt);
        using var workbook = new XLWorkbook();
        WriteBalance(workbook.AddWorksheet(BalanceSheet), data, generatedAt, print);
        var calls = ExcelTable<CallRow>.Layout(workbook.AddWorksheet(CallsSheet), "Cotisations", CallRow.Columns, callRows, print);
        var claims = ExcelTable<ClaimRow>.Layout(workbook.AddWorksheet(ClaimsSheet), "Sinistres", ClaimRow.Columns, claimRows, print, r => r.Overdue);
        var entries = ExcelTable<EntryRow>.Layout(workbook.AddWorksheet(EntriesSheet), "Ecritures", EntryRow.Columns, entryRows, print);
        await WorkbookFile.SaveAsync(workbook, output, ct, calls, claims, entries);
        return data;
    }

    private static void WriteBalance(IXLWorksheet sheet, InsuranceYear data, DateTime generatedAtParis, PrintLayout print)
    {
        var b = data.Balance;
        sheet.Cell(1, 1).SetValue($"{Title} — exercice {b.Year}");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(2, 1).SetValue(string.Create(CultureInfo.InvariantCulture,
            $"Situation au {b.AsOf:dd/MM/yyyy}\u00A0; remboursements en attente depuis plus de {data.RefundOverdueDays} jours\u00A0: {b.OverdueRefunds}. Édité le {generatedAtParis:dd/MM/yyyy} à {generatedAtParis:HH:mm}."));
        sheet.Cell(4, 1).SetValue("Poste");
        sheet.Cell(4, 2).SetValue("Montant");
        var header = sheet.Range(4, 1, 4, 2).Style;
        header.Font.Bold = true;
        header.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        var row = 5;
        foreach (var (label, amount) in b.Lines)
        {
            sheet.Cell(row, 1).SetValue(label);
            sheet.Cell(row, 2).SetValue(amount);
            sheet.Cell(row, 2).Style.NumberFormat.Format = ExportFormats.Money;
            row++;
        }
        sheet.Row(row - 1).Style.Font.Bold = true;
        sheet.Column(1).Width = 48;
        sheet.Column(2).Width = 18;
        print.ApplyTo(sheet, headerRows: 4);
    }

    private sealed record CallRow(string Policy, string Insurer, string Label, DateOnly DueOn, decimal Amount, DateOnly? PaidOn, decimal? Paid, decimal Remaining)
    {
        public static CallRow Build(InsurancePolicy p, PremiumCall c) =>
            new(p.PolicyNumber, p.Insurer, c.Label, c.DueOn, c.Amount, c.PaidOn, c.PaidAmount, c.Amount - (c.PaidAmount ?? 0));

        public static readonly IReadOnlyList<ExportColumn<CallRow>> Columns =
        [
            new(InsuranceFieldNames.PolicyNumber, r => r.Policy),
            new(InsuranceFieldNames.Insurer, r => r.Insurer),
            new(InsuranceFieldNames.CallLabel, r => r.Label),
            new(InsuranceFieldNames.DueOn, r => r.DueOn, ExportFormats.Date),
            new(InsuranceFieldNames.CallAmount, r => r.Amount, ExportFormats.Money),
            new(InsuranceFieldNames.PaidOn, r => r.PaidOn, ExportFormats.Date),
            new(InsuranceFieldNames.PaidAmount, r => r.Paid, ExportFormats.Money),
            new("Reste à payer", r => r.Remaining, ExportFormats.Money),
        ];
    }

    private sealed record ClaimRow(string Reference, string? InsurerReference, string Policy, ClaimPosition P, DateOnly? OldestOpenRefund, int? DaysOpen, bool Overdue)
    {
        public static ClaimRow Build(ClaimLedger c)
        {
            var oldest = c.OpenRefunds.Count > 0 ? c.OpenRefunds[0] : null;
            return new(c.Reference, c.InsurerReference, c.Policy.PolicyNumber, c.Position, oldest?.AskedOn, oldest?.DaysOpen, c.HasOverdueRefund);
        }

        public static readonly IReadOnlyList<ExportColumn<ClaimRow>> Columns =
        [
            new(InsuranceFieldNames.Claim, r => r.Reference),
            new(InsuranceFieldNames.InsurerReference, r => r.InsurerReference),
            new(InsuranceFieldNames.Policy, r => r.Policy),
            new(InsuranceFieldNames.Deductible, r => r.P.Deductible, ExportFormats.Money),
            new("Versé par l'établissement", r => r.P.PaidByHospital, ExportFormats.Money),
            new("Versé par l'assureur", r => r.P.PaidByInsurer, ExportFormats.Money),
            new("Part de l'établissement", r => r.P.HospitalShare, ExportFormats.Money),
            new("Part de l'assureur", r => r.P.InsurerShare, ExportFormats.Money),
            new("Avancé", r => r.P.Advanced, ExportFormats.Money),
            new("Remboursements demandés", r => r.P.RefundsAsked, ExportFormats.Money),
            new("Remboursements reçus", r => r.P.Refunded, ExportFormats.Money),
            new("Reste à recouvrer", r => r.P.ToRecover, ExportFormats.Money),
            new("Franchise due à l'assureur", r => r.P.DeductibleOwed, ExportFormats.Money),
            new("Demande en attente depuis le", r => r.OldestOpenRefund, ExportFormats.Date),
            new("Jours d'attente", r => r.DaysOpen, ExportFormats.Integer),
        ];
    }

    private sealed record EntryRow(DateOnly On, string Reference, string? InsurerReference, string Kind, decimal Amount, string? Note)
    {
        public static readonly IReadOnlyList<ExportColumn<EntryRow>> Columns =
        [
            new(InsuranceFieldNames.EntryOn, r => r.On, ExportFormats.Date),
            new(InsuranceFieldNames.Claim, r => r.Reference),
            new(InsuranceFieldNames.InsurerReference, r => r.InsurerReference),
            new(InsuranceFieldNames.EntryKind, r => r.Kind),
            new(InsuranceFieldNames.EntryAmount, r => r.Amount, ExportFormats.Money),
            new(InsuranceFieldNames.EntryNote, r => r.Note, Width: 40),
        ];
    }
}
