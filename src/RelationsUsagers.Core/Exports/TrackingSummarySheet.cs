using System.Globalization;
using RelationsUsagers.Core.AccessRequests.Tracking;
using Font = RelationsUsagers.Core.Exports.CellStyles.Font;

namespace RelationsUsagers.Core.Exports;

/// <summary>Sheet "Synthèse": the record-access figures of the CDU report (CSP R.1112-80 II 1° c), as native numbers.</summary>
internal static class TrackingSummarySheet
{
    public const string Title = "Demandes d'accès au dossier médical — synthèse";
    private static readonly string[] DelayHeaders = ["Demandes", "Envoyées", "Dans le délai", "% dans le délai", "Délai moyen (jours)"];

    /// <summary>Adds the sheet to <paramref name="package"/>, its title and period lines printed at the top of each page.</summary>
    public static Task WriteAsync(XlsxPackage package, AccessRequestSummary s, ExportPeriod period, OnTimeFrom onTimeFrom, PrintLayout print) =>
        package.AddSheetAsync(TrackingWorkbook.SummarySheet, headerRows: 2, w =>
        {
            var styles = package.Styles;
            package.StartWorksheet(w, frozenRows: 0, [(48, 0), .. Enumerable.Repeat((16.0, 0), 5)]);
            w.WriteStartElement("sheetData", SheetXml.Main);
            var lines = new Lines(new SheetXml(w), styles);
            lines.Cell(1, 1, Title, styles.Get(font: Font.Title));
            lines.Cell(2, 1, period.Describe() + " ; délai respecté compté depuis " +
                (onTimeFrom == OnTimeFrom.Receipt ? "la réception de la demande." : "la demande complète."), 0);

            var row = lines.Section(4, "Demandes par mois (demandes reçues sur la période)", ["Mois", "Reçues", "Envoyées"]);
            foreach (var m in s.Months)
                lines.Line(row++, m.Month.ToDateTime(TimeOnly.MinValue), ExportFormats.Month, Font.Normal, m.Received, m.Sent);
            lines.Line(row, "Total", null, Font.Bold, s.Months.Sum(m => m.Received), s.Months.Sum(m => m.Sent));

            row = lines.Section(row + 2, "Délais de communication (art. L.1111-7 du CSP)", ["Ancienneté du dossier", .. DelayHeaders]);
            row = lines.Delays(row, [s.EightDays, s.TwoMonths, s.All]);
            row = lines.Section(row + 1, "Par qualité du demandeur", ["Qualité", .. DelayHeaders]);
            row = lines.Delays(row, s.ByCapacity);
            row = lines.Section(row + 1, "Par mode de communication", ["Mode", .. DelayHeaders]);
            row = lines.Delays(row, s.ByMode);

            row = lines.Section(row + 1, "Indicateurs du rapport de la CDU (art. R.1112-80 du CSP)", ["Indicateur", "Nombre"]);
            (string Label, int Value)[] counts =
            [
                ("Demandes reçues", s.Received), ("Dossiers communiqués", s.Sent), ("Demandes incomplètes", s.Incomplete),
                ("Refus", s.Refused), ("Abandons", s.Abandoned), ("Communiqués via un médecin", s.ViaDoctor),
                ("Consultations sur place", s.OnSite),
            ];
            foreach (var (label, value) in counts)
                lines.Line(row++, label, null, Font.Normal, value);
            lines.End();
            w.WriteEndElement();
            // A4: six columns fit it at full size.
            XlsxPackage.EndWorksheet(w, print, PrintLayout.PaperFor(0), hasTable: false);
            return Task.FromResult(row);
        });

    /// <summary>The sheet's cells, written in order: a row element is opened at its first cell and closed at the next row's.</summary>
    private sealed class Lines(SheetXml sheet, CellStyles styles)
    {
        private int _row;

        public void Cell(int row, int column, object? value, int style)
        {
            if (value is null)
                return;
            if (row != _row)
            {
                End();
                sheet.StartRow(row.ToString(CultureInfo.InvariantCulture));
                _row = row;
            }
            sheet.Cell(ExcelTable.ColumnLetter(column) + row.ToString(CultureInfo.InvariantCulture), value, style);
        }

        public void End()
        {
            if (_row > 0)
                sheet.EndRow();
            _row = 0;
        }

        /// <summary>A section's bold title, then its header line on a light-blue fill; returns the row under it.</summary>
        public int Section(int row, string title, string[] headers)
        {
            Cell(row, 1, title, styles.Get(font: Font.Bold));
            var header = styles.Get(font: Font.Bold, fill: CellStyles.Fill.Header);
            for (var c = 0; c < headers.Length; c++)
                Cell(row + 1, c + 1, headers[c], header);
            return row + 2;
        }

        public int Delays(int row, IEnumerable<DelayFigures> figures)
        {
            foreach (var f in figures)
            {
                Line(row, f.Label, null, Font.Normal, f.Requests, f.Sent, f.OnTime);
                Cell(row, 5, f.OnTimeRate, styles.Get(ExportFormats.Percent));
                Cell(row, 6, f.AverageDelayDays, styles.Get(ExportFormats.OneDecimal));
                row++;
            }
            return row;
        }

        /// <summary>A label aligned left (a month too), then whole numbers.</summary>
        public void Line(int row, object label, string? labelFormat, Font font, params int[] values)
        {
            Cell(row, 1, label, styles.Get(labelFormat, font, left: true));
            for (var c = 0; c < values.Length; c++)
                Cell(row, c + 2, values[c], styles.Get(ExportFormats.Integer, font));
        }
    }
}
