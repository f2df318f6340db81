using System.Globalization;
using System.Text;
using System.Xml;

namespace RelationsUsagers.Core.Exports;

/// <summary>
/// Rows and cells of a worksheet part written straight as SpreadsheetML with an <see cref="XmlWriter"/>: no object per cell
/// and no spreadsheet library behind it, so that a workbook of 100,000 lines costs the memory of one line at a time.
/// </summary>
internal sealed class SheetXml(XmlWriter writer)
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>UTF-8 without a byte order mark; line breaks in text kept as typed (a "\r" entitized, not normalised away).</summary>
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false), CloseOutput = false, NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>Style indexes as attribute text, written on every cell: cached rather than formatted each time.</summary>
    private static readonly string[] StyleTexts = Enumerable.Range(0, 256).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public XmlWriter Writer => writer;

    public static XmlWriter Create(Stream part) => XmlWriter.Create(part, Settings);

    public void StartRow(string number, double height = 0)
    {
        writer.WriteStartElement("row", Main);
        writer.WriteAttributeString("r", number);
        if (height > 0)
        {
            writer.WriteAttributeString("ht", height.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("customHeight", "1");
        }
    }

    public void EndRow() => writer.WriteEndElement();

    /// <summary>
    /// A typed cell: text as an inline string (never a formula), dates as numbers (their style gives the date format), numbers
    /// as numbers; an empty value is written only when <paramref name="writeEmpty"/> (to carry a fill), else nothing.
    /// </summary>
    public void Cell(string reference, object? value, int style, bool writeEmpty = false)
    {
        switch (value)
        {
            case null when writeEmpty:
                StartCell(reference, style);
                writer.WriteEndElement();
                break;
            case null:
                break;
            case string text:
                Text(reference, text, style);
                break;
            case DateTime date:
                Number(reference, date.ToOADate().ToString(CultureInfo.InvariantCulture), style);
                break;
            case decimal number:
                Number(reference, number.ToString(CultureInfo.InvariantCulture), style);
                break;
            case int number:
                Number(reference, number.ToString(CultureInfo.InvariantCulture), style);
                break;
            case double number:
                Number(reference, number.ToString("R", CultureInfo.InvariantCulture), style);
                break;
            default:
                throw new ArgumentException($"Type de cellule non pris en charge : {value.GetType().Name}.", nameof(value));
        }
    }

    public void Text(string reference, string text, int style)
    {
        StartCell(reference, style);
        writer.WriteAttributeString("t", "inlineStr");
        writer.WriteStartElement("is", Main);
        writer.WriteStartElement("t", Main);
        var (clean, preserve) = ExcelTable.CellText(text);
        if (preserve)
            writer.WriteAttributeString("xml", "space", null, "preserve");
        writer.WriteString(clean);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private void Number(string reference, string value, int style)
    {
        StartCell(reference, style);
        writer.WriteElementString("v", Main, value);
        writer.WriteEndElement();
    }

    private void StartCell(string reference, int style)
    {
        writer.WriteStartElement("c", Main);
        writer.WriteAttributeString("r", reference);
        if (style != 0)
            writer.WriteAttributeString("s", style < StyleTexts.Length ? StyleTexts[style] : style.ToString(CultureInfo.InvariantCulture));
    }
}
