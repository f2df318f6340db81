using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Exports;

/// <summary>
/// The CDU's annual report figures (<see cref="AnnualReport"/>, CSP L.1112-3, R.1112-80 II) as an Excel workbook, one
/// sheet per section of the ARS questionnaire: counts and delays as native numbers, rates as Excel percentages. Writing
/// it records an "Export" line in the audit trail, as <see cref="ExportService"/> does for the registers.
/// </summary>
public sealed class AnnualReportWorkbook(AnnualReportService reports, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string Title = "Rapport annuel de la commission des usagers";
    public const string CompositionSheet = "Composition";
    public const string MeetingsSheet = "Séances";
    public const string ComplaintsSheet = "Plaintes et réclamations";
    public const string MediationsSheet = "Médiations";
    public const string RecordAccessSheet = "Accès au dossier médical";
    public const string LitigationSheet = "Contentieux";
    public const string RecommendationsSheet = "Recommandations";

    /// <summary>The years an export may ask for.</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    private const double LabelWidth = 62;
    private const double FigureWidth = 16;
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");

    public static string FileName(int year) => string.Create(CultureInfo.InvariantCulture, $"rapport-annuel-cdu-{year}.xlsx");

    /// <summary>Computes the report of <paramref name="year"/>, writes its workbook into <paramref name="output"/>, audits the export.</summary>
    public async Task<AnnualReport> WriteAsync(Stream output, int year, CancellationToken ct = default)
    {
        if (year is < FirstYear or > LastYear)
            throw new CaseRuleException($"L'année du rapport doit être comprise entre {FirstYear} et {LastYear}.");
        var report = await reports.GetAsync(year, ct);
        using (var workbook = Create(report, ParisCalendar.Local(time.GetUtcNow())))
            await WorkbookFile.SaveAsync(workbook, output, ct);

        // The report holds counts only, no case: one line with no case id, written once the file is complete.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.UtcNow, UserName = db.CurrentUserName, CaseFileId = null, Action = AuditActions.Exported,
            Details = string.Create(CultureInfo.InvariantCulture, $"{Title} {year}"),
        });
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>The workbook of <paramref name="report"/>; <paramref name="generatedAtParis"/> is shown under each sheet's title.</summary>
    public static XLWorkbook Create(AnnualReport report, DateTime generatedAtParis)
    {
        ArgumentNullException.ThrowIfNull(report);
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"Année {report.Year} ; édité le {generatedAtParis:dd/MM/yyyy 'à' HH:mm}");
        var workbook = new XLWorkbook();
        var print = new PrintLayout(string.Create(CultureInfo.InvariantCulture, $"{Title} {report.Year}"), generatedAtParis);

        var composition = report.Composition;
        var sheet = new SheetWriter(print, workbook.AddWorksheet(CompositionSheet), "1. Composition de la commission", subtitle);
        sheet.Counts($"Membres en fonction au 31/12/{report.Year}, par catégorie", "Catégorie", composition.MembersByCategory);
        sheet.Section("Bureau", "Fonction", "Catégorie du membre");
        sheet.Text("Président(e)", composition.PresidentCategory ?? "Non désigné(e)");
        sheet.Text("Vice-président(e)", composition.VicePresidentCategory ?? "Non désigné(e)");
        sheet.List("Sièges vacants (art. R.1112-81 I du CSP)", composition.VacantSeats, "Aucun siège vacant");
        sheet.Finish();

        var meetings = report.Meetings;
        sheet = new SheetWriter(print, workbook.AddWorksheet(MeetingsSheet), "2. Fonctionnement : séances et présence", subtitle);
        sheet.Section("Séances de l'année", "Indicateur", "Valeur");
        sheet.Number("Séances tenues (au moins une par trimestre, art. R.1112-88)", meetings.Held);
        sheet.Number("Séances annulées", meetings.Cancelled);
        sheet.Text("Trimestres sans séance tenue", meetings.QuartersWithoutMeeting.Count == 0
            ? "Aucun" : string.Join(", ", meetings.QuartersWithoutMeeting.Select(Quarter)));
        sheet.Percent("Taux de présence des membres titulaires (présents ou remplacés)", meetings.AttendanceRate);
        sheet.Percent("Taux de présence des représentants des usagers", meetings.PatientRepresentativeAttendanceRate);
        sheet.Finish();

        var complaints = report.Complaints;
        sheet = new SheetWriter(print, workbook.AddWorksheet(ComplaintsSheet), "3. Plaintes et réclamations reçues dans l'année", subtitle);
        sheet.Section("Synthèse", "Indicateur", "Valeur");
        sheet.Number("Plaintes et réclamations reçues (hors éloges)", complaints.Received);
        sheet.Number("Éloges reçus", complaints.Praise);
        sheet.Number("Réclamations ayant reçu une réponse", complaints.Answered);
        sheet.Decimal("Délai moyen de réponse (jours)", complaints.AverageAnswerDays);
        sheet.Number("Réclamations examinées en séance de la CDU", complaints.ExaminedByCdu);
        sheet.Counts("Par motif (une réclamation compte pour chacun de ses motifs)", "Motif", complaints.ByMotive);
        sheet.Counts("Par service (une réclamation compte pour chacun de ses services)", "Service", complaints.ByService);
        sheet.Counts("Par canal de réception", "Canal", complaints.ByChannel);
        sheet.Counts("Éloges par service (dossiers et expressions notées)", "Service", report.Expressions.PraiseByService);
        sheet.Counts("Autres expressions des usagers notées (accueil, appels, remarques, suggestions)", "Type", report.Expressions.ByKind);
        sheet.Finish();

        sheet = new SheetWriter(print, workbook.AddWorksheet(MediationsSheet), "4. Médiations (art. R.1112-92 à R.1112-94)", subtitle);
        sheet.Counts("Réclamations de l'année ayant donné lieu à une médiation, par type", "Type de médiation", report.MediationsByType);
        sheet.Finish();

        var access = report.RecordAccess;
        sheet = new SheetWriter(print, workbook.AddWorksheet(RecordAccessSheet), "5. Demandes d'accès au dossier médical (art. R.1112-80 II c)", subtitle);
        sheet.Section("Demandes et dossiers communiqués", "Indicateur", "Valeur");
        sheet.Number("Demandes reçues", access.Received);
        sheet.Number("Dossiers communiqués dans l'année", access.Sent);
        sheet.Section("Délai de 8 jours (informations de moins de 5 ans)", "Indicateur", "Valeur");
        sheet.Number("Dossiers communiqués", access.SentUnder8Days);
        sheet.Number("dont dans le délai", access.SentWithin8Days);
        sheet.Percent("Part dans le délai", access.PercentWithin8Days);
        sheet.Decimal("Délai moyen (jours)", access.AverageDays8Days);
        sheet.Section("Délai de 2 mois (plus de 5 ans ou CDSP saisie)", "Indicateur", "Valeur");
        sheet.Number("Dossiers communiqués", access.SentUnder2Months);
        sheet.Number("dont dans le délai", access.SentWithin2Months);
        sheet.Percent("Part dans le délai", access.PercentWithin2Months);
        sheet.Decimal("Délai moyen (jours)", access.AverageDays2Months);
        sheet.Finish();

        var litigation = report.Litigation;
        sheet = new SheetWriter(print, workbook.AddWorksheet(LitigationSheet), "6. Demandes indemnitaires et contentieux (art. R.1112-80 II e)", subtitle);
        sheet.Section("Synthèse", "Indicateur", "Valeur");
        sheet.Number("Demandes indemnitaires reçues", litigation.ClaimsReceived);
        sheet.Number("Saisines de la CCI", litigation.CciReferrals);
        sheet.Number("Saisines d'un tribunal", litigation.CourtReferrals);
        sheet.Number("Réclamations contentieuses", litigation.LitigationComplaints);
        sheet.Counts("Demandes indemnitaires reçues, par procédure", "Procédure", litigation.ClaimsByProcedure);
        sheet.Finish();

        var recommendations = report.Recommendations;
        sheet = new SheetWriter(print, workbook.AddWorksheet(RecommendationsSheet), "10. Recommandations de la CDU et leur suivi", subtitle);
        sheet.Section("Synthèse", "Indicateur", "Valeur");
        sheet.Number($"Recommandations de l'année {report.Year}", recommendations.Total);
        sheet.Number("Recommandations des années précédentes encore ouvertes", recommendations.OpenFromEarlierYears);
        sheet.Counts($"Recommandations de l'année {report.Year}, par état d'avancement", "État", recommendations.ByStatus);
        sheet.Finish();

        return workbook;
    }

    private static string Quarter(int quarter) => quarter == 1 ? "1er trimestre" : $"{quarter}e trimestre";

    /// <summary>Writes one sheet from the top: a title, then sections of "label | figure" lines, two columns wide.</summary>
    private sealed class SheetWriter
    {
        private readonly PrintLayout _print;
        private readonly IXLWorksheet _sheet;
        private int _row;

        public SheetWriter(PrintLayout print, IXLWorksheet sheet, string title, string subtitle)
        {
            (_print, _sheet) = (print, sheet);
            sheet.Cell(1, 1).SetValue(title);
            sheet.Cell(1, 1).Style.Font.Bold = true;
            sheet.Cell(1, 1).Style.Font.FontSize = 14;
            sheet.Cell(2, 1).SetValue(subtitle);
            sheet.Cell(2, 1).Style.Font.Italic = true;
            _row = 3;
        }

        /// <summary>A bold section title after a blank line, then its header line.</summary>
        public void Section(string title, string labelHeader, string figureHeader)
        {
            _row += 1;
            _sheet.Cell(_row, 1).SetValue(title);
            _sheet.Cell(_row, 1).Style.Font.Bold = true;
            _row++;
            _sheet.Cell(_row, 1).SetValue(labelHeader);
            _sheet.Cell(_row, 2).SetValue(figureHeader);
            var header = _sheet.Range(_row, 1, _row, 2).Style;
            header.Font.Bold = true;
            header.Fill.BackgroundColor = HeaderFill;
            _row++;
        }

        public void Number(string label, int value) => Line(label, value, ExportFormats.Integer);

        /// <summary>A count of days or similar, one decimal; an empty cell when there is nothing to average.</summary>
        public void Decimal(string label, double? value) => Line(label, value, ExportFormats.OneDecimal);

        /// <summary>A rate given in percent (77.8) written as an Excel percentage (0.778 shown "77.8%").</summary>
        public void Percent(string label, double? percent) => Line(label, percent / 100, ExportFormats.Percent);

        public void Text(string label, string value)
        {
            Label(label);
            _sheet.Cell(_row, 2).SetValue(value);
            _row++;
        }

        /// <summary>A count table with its total, or a line saying there is none.</summary>
        public void Counts(string title, string labelHeader, IReadOnlyList<CountRow> rows)
        {
            Section(title, labelHeader, "Nombre");
            if (rows.Count == 0)
            {
                Label("Aucun");
                _sheet.Cell(_row, 2).SetValue(0);
                _row++;
                return;
            }
            foreach (var row in rows)
                Number(row.Label, row.Count);
            Number("Total", rows.Sum(r => r.Count));
            _sheet.Row(_row - 1).Style.Font.Bold = true;
        }

        public void List(string title, IReadOnlyList<string> lines, string none)
        {
            _row += 1;
            _sheet.Cell(_row, 1).SetValue(title);
            _sheet.Cell(_row, 1).Style.Font.Bold = true;
            _row++;
            foreach (var line in lines.Count == 0 ? [none] : lines)
            {
                _sheet.Cell(_row, 1).SetValue(line);
                _row++;
            }
        }

        /// <summary>Widths by hand: <c>AdjustToContents</c> needs GDI+, absent on Linux.</summary>
        public void Finish()
        {
            var longest = _sheet.Column(1).CellsUsed().Skip(1).Select(c => c.GetString().Length).DefaultIfEmpty(0).Max();
            _sheet.Column(1).Width = Math.Clamp(longest + 2, 30, LabelWidth);
            _sheet.Column(1).Style.Alignment.WrapText = true;
            _sheet.Column(2).Width = Math.Max(FigureWidth,
                _sheet.Column(2).CellsUsed().Select(c => c.GetString().Length + 2).DefaultIfEmpty(0).Max());
            _sheet.SheetView.FreezeRows(2);
            // The title and the year head every printed page, as they stay on screen.
            _print.ApplyTo(_sheet, headerRows: 2);
        }

        private void Line(string label, double? value, string format)
        {
            Label(label);
            if (value is { } v)
            {
                var cell = _sheet.Cell(_row, 2);
                cell.SetValue(v);
                cell.Style.NumberFormat.Format = format;
            }
            _row++;
        }

        private void Label(string label)
        {
            _sheet.Cell(_row, 1).SetValue(label);
            _sheet.Cell(_row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        }
    }
}
