using ClosedXML.Excel;
using RelationsUsagers.Core.AccessRequests.Tracking;

namespace RelationsUsagers.Core.Exports;

/// <summary>Sheet "Synthèse": the record-access figures of the CDU report (CSP R.1112-80 II 1° c), as native numbers.</summary>
internal static class TrackingSummarySheet
{
    public const string Title = "Demandes d'accès au dossier médical — synthèse";
    private static readonly string[] DelayHeaders = ["Demandes", "Envoyées", "Dans le délai", "% dans le délai", "Délai moyen (jours)"];

    public static void Write(IXLWorksheet sheet, AccessRequestSummary s, ExportPeriod period, OnTimeFrom onTimeFrom, PrintLayout print)
    {
        sheet.Cell(1, 1).SetValue(Title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(2, 1).SetValue(period.Describe() + " ; délai respecté compté depuis " +
            (onTimeFrom == OnTimeFrom.Receipt ? "la réception de la demande." : "la demande complète."));

        var row = Section(sheet, 4, "Demandes par mois (demandes reçues sur la période)", ["Mois", "Reçues", "Envoyées"]);
        foreach (var m in s.Months)
        {
            Line(sheet, row++, m.Month.ToDateTime(TimeOnly.MinValue), ExportFormats.Month, m.Received, m.Sent);
        }
        Line(sheet, row, "Total", null, s.Months.Sum(m => m.Received), s.Months.Sum(m => m.Sent));
        sheet.Row(row).Style.Font.Bold = true;

        row = Section(sheet, row + 2, "Délais de communication (art. L.1111-7 du CSP)", ["Ancienneté du dossier", .. DelayHeaders]);
        row = Delays(sheet, row, [s.EightDays, s.TwoMonths, s.All]);
        row = Section(sheet, row + 1, "Par qualité du demandeur", ["Qualité", .. DelayHeaders]);
        row = Delays(sheet, row, s.ByCapacity);
        row = Section(sheet, row + 1, "Par mode de communication", ["Mode", .. DelayHeaders]);
        row = Delays(sheet, row, s.ByMode);

        row = Section(sheet, row + 1, "Indicateurs du rapport de la CDU (art. R.1112-80 du CSP)", ["Indicateur", "Nombre"]);
        (string Label, int Value)[] counts =
        [
            ("Demandes reçues", s.Received), ("Dossiers communiqués", s.Sent), ("Demandes incomplètes", s.Incomplete),
            ("Refus", s.Refused), ("Abandons", s.Abandoned), ("Communiqués via un médecin", s.ViaDoctor),
            ("Consultations sur place", s.OnSite),
        ];
        foreach (var (label, value) in counts)
            Line(sheet, row++, label, null, value);

        sheet.Column(1).Width = 48;
        sheet.Columns(2, 6).Width = 16;
        // The title and the period line head every printed page.
        print.ApplyTo(sheet, headerRows: 2);
    }

    private static int Section(IXLWorksheet sheet, int row, string title, string[] headers)
    {
        sheet.Cell(row, 1).SetValue(title);
        sheet.Cell(row, 1).Style.Font.Bold = true;
        for (var c = 0; c < headers.Length; c++)
            sheet.Cell(row + 1, c + 1).SetValue(headers[c]);
        var header = sheet.Range(row + 1, 1, row + 1, headers.Length).Style;
        header.Font.Bold = true;
        header.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        return row + 2;
    }

    private static int Delays(IXLWorksheet sheet, int row, IEnumerable<DelayFigures> lines)
    {
        foreach (var f in lines)
        {
            Line(sheet, row, f.Label, null, f.Requests, f.Sent, f.OnTime);
            Number(sheet.Cell(row, 5), f.OnTimeRate, ExportFormats.Percent);
            Number(sheet.Cell(row, 6), f.AverageDelayDays, ExportFormats.OneDecimal);
            row++;
        }
        return row;
    }

    private static void Line(IXLWorksheet sheet, int row, object label, string? labelFormat, params int[] values)
    {
        ExcelTable.Set(sheet.Cell(row, 1), label);
        if (labelFormat is not null)
            sheet.Cell(row, 1).Style.NumberFormat.Format = labelFormat;
        sheet.Cell(row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        for (var c = 0; c < values.Length; c++)
            Number(sheet.Cell(row, c + 2), values[c], ExportFormats.Integer);
    }

    private static void Number(IXLCell cell, double? value, string format)
    {
        if (value is not { } v)
            return;
        cell.SetValue(v);
        cell.Style.NumberFormat.Format = format;
    }
}
