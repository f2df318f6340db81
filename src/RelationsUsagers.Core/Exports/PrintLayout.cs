using System.Globalization;
using System.Xml;
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
        page.PaperSize = (XLPaperSize)PaperFor(tableWidth);
        page.FitToPages(1, 0);
        (page.Margins.Left, page.Margins.Right, page.Margins.Top, page.Margins.Bottom) = (Margins[0].Inches, Margins[1].Inches, Margins[2].Inches, Margins[3].Inches);
        (page.Margins.Header, page.Margins.Footer) = (Margins[4].Inches, Margins[5].Inches);
        page.SetRowsToRepeatAtTop(1, headerRows);
        page.Footer.Left.AddText(Escape(DocumentName));
        page.Footer.Center.AddText(PageNumberFooter);
        page.Footer.Right.AddText(DateFooter);
    }

    /// <summary>Narrow side margins, in inches: a register is wide, every centimetre enlarges its print.</summary>
    private static readonly (string Side, double Inches)[] Margins =
        [("left", 0.25), ("right", 0.25), ("top", 0.5), ("bottom", 0.6), ("header", 0.3), ("footer", 0.3)];

    /// <summary>Excel's paper size for a table <paramref name="tableWidth"/> characters wide: A3 (8) beyond <see cref="A4Capacity"/>, else A4 (9).</summary>
    public static int PaperFor(double tableWidth) => tableWidth > A4Capacity ? 8 : 9;

    /// <summary>
    /// The same layout as <see cref="ApplyTo"/>, written as the end of a worksheet part (margins, page setup, footer) on
    /// <paramref name="paper"/>; the rows repeated are the workbook's print titles (<see cref="XlsxPackage"/>) and fit to page is
    /// set in the sheet's properties.
    /// </summary>
    internal void WriteTo(XmlWriter w, int paper)
    {
        const string ns = SheetXml.Main;
        w.WriteStartElement("pageMargins", ns);
        foreach (var (side, inches) in Margins)
            w.WriteAttributeString(side, inches.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
        w.WriteStartElement("pageSetup", ns);
        w.WriteAttributeString("paperSize", paper.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("fitToWidth", "1");
        w.WriteAttributeString("fitToHeight", "0");
        w.WriteAttributeString("orientation", "landscape");
        w.WriteEndElement();
        w.WriteStartElement("headerFooter", ns);
        w.WriteElementString("oddFooter", ns, $"&L{Escape(DocumentName)}&C{PageNumberFooter}&R{DateFooter}");
        w.WriteEndElement();
    }

    /// <summary>A literal "&amp;" in a footer is written "&amp;&amp;": alone it starts a field code.</summary>
    private static string Escape(string text) => text.Replace("&", "&&", StringComparison.Ordinal);
}
