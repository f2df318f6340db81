using System.Globalization;
using ClosedXML.Excel;

namespace RelationsUsagers.Core.Exports;

/// <summary>
/// What an exported workbook says on paper: the document's name and the day it was exported (Paris date), in the footer of
/// every printed page beside « Page n / total ».
/// </summary>
public sealed record PrintLayout(string DocumentName, DateTime ExportedAtParis)
{
    /// <summary>The page number and page count fields of an Excel footer.</summary>
    public const string PageNumberFooter = "Page &P / &N";

    /// <summary>Right-hand footer: the export date.</summary>
    public string DateFooter => string.Create(CultureInfo.InvariantCulture, $"Exporté le {ExportedAtParis:dd/MM/yyyy}");

    /// <summary>
    /// Column widths (in characters) beyond which a table goes on A3: at one page wide, A4 landscape would print it under
    /// about half size (284 mm printable, a character about 1.85 mm at 100 %).
    /// </summary>
    public const double A4Capacity = 300;

    /// <summary>
    /// Landscape, one page wide and as many pages high as the rows need, rows 1 to <paramref name="headerRows"/> printed again at
    /// the top of each page, and the footer: name on the left, page number in the middle, export date on the right. A4, or A3
    /// when the columns' widths add up to more than <see cref="A4Capacity"/>.
    /// </summary>
    public void ApplyTo(IXLWorksheet sheet, int headerRows = 1, double tableWidth = 0)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var page = sheet.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.PaperSize = tableWidth > A4Capacity ? XLPaperSize.A3Paper : XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
        // Narrow side margins: a register is wide, every centimetre enlarges its print.
        (page.Margins.Left, page.Margins.Right, page.Margins.Top, page.Margins.Bottom) = (0.25, 0.25, 0.5, 0.6);
        (page.Margins.Header, page.Margins.Footer) = (0.3, 0.3);
        page.SetRowsToRepeatAtTop(1, headerRows);
        page.Footer.Left.AddText(Escape(DocumentName));
        page.Footer.Center.AddText(PageNumberFooter);
        page.Footer.Right.AddText(DateFooter);
    }

    /// <summary>A literal "&amp;" in a footer is written "&amp;&amp;": alone it starts a field code.</summary>
    private static string Escape(string text) => text.Replace("&", "&&", StringComparison.Ordinal);
}
