using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Imports;

/// <summary>
/// What a cell holds once read: a <see cref="DateTime"/>, a <see cref="double"/>, a <see cref="bool"/>, a trimmed
/// <see cref="string"/>, or null. A formula gives its cached value; it is never evaluated.
/// </summary>
public readonly record struct ImportCell(object? Value)
{
    public bool IsEmpty => Value is null;

    public static ImportCell Read(IXLCell cell)
    {
        if (cell.HasFormula)
        {
            // ClosedXML 0.95 keeps the cached result as text ("45720", "Oui"); evaluating could fail or differ from Excel.
            var cached = Convert.ToString(cell.CachedValue, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(cached))
                return default;
            return double.TryParse(cached, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? new(n) : new(cached);
        }
        if (cell.IsEmpty())
            return default;
        return cell.DataType switch
        {
            XLDataType.DateTime => new(cell.GetDateTime()),
            XLDataType.Number => new(cell.GetDouble()),
            XLDataType.Boolean => new(cell.GetBoolean()),
            XLDataType.TimeSpan => new(cell.GetString()),
            _ => cell.GetString().Trim() is { Length: > 0 } text ? new(text) : default,
        };
    }

    /// <summary>The value as the user typed or sees it, for messages: « 31/02/2025 ».</summary>
    public string Display => Value switch
    {
        null => "",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.GetCultureInfo("fr-FR")),
        bool b => b ? "VRAI" : "FAUX",
        _ => Value.ToString() ?? "",
    };

    public string? Text => Value switch
    {
        null => null,
        double n => n.ToString(CultureInfo.InvariantCulture),
        _ => Display,
    };

    /// <summary>A date typed as a date, an Excel serial number, or text: 03/03/2025, 3/3/25, 03.03.2025, 2025-03-03.</summary>
    public bool TryDate(DateOnly today, out DateOnly date)
    {
        date = default;
        switch (Value)
        {
            case DateTime d:
                date = DateOnly.FromDateTime(d);
                return true;
            case double serial when serial >= 1 && serial < 2958466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
                return true;
            case string text:
                return TryParseDate(text, today, out date);
            default:
                return false;
        }
    }

    private static readonly Regex DayFirst = new(@"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:\s+\d{1,2}[:h]\d{2}(?::\d{2})?)?$", RegexOptions.CultureInvariant);
    private static readonly Regex YearFirst = new(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?)?$", RegexOptions.CultureInvariant);

    public static bool TryParseDate(string text, DateOnly today, out DateOnly date)
    {
        date = default;
        int day, month, year;
        if (DayFirst.Match(text.Trim()) is { Success: true } m)
        {
            (day, month, year) = (Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3]));
            // Two-digit years: this century unless that would be in the future (a birth year "52" is 1952).
            if (m.Groups[3].Length == 2)
                year += year <= today.Year % 100 ? today.Year / 100 * 100 : (today.Year / 100 - 1) * 100;
        }
        else if (YearFirst.Match(text.Trim()) is { Success: true } iso)
            (year, month, day) = (Int(iso.Groups[1]), Int(iso.Groups[2]), Int(iso.Groups[3]));
        else
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Oui / OUI / non / X / VRAI / 1, and "> 5 ans" / "< 5 ans" in an age column. Empty is "non".</summary>
    public bool? YesNo() => Value switch
    {
        null => false,
        bool b => b,
        double n when n is 0 or 1 => n == 1,
        string text => TextSearch.Normalize(text).Replace(" ", "", StringComparison.Ordinal) switch
        {
            "oui" or "o" or "x" or "yes" or "y" or "vrai" or "true" or "1" or ">5ans" or "+5ans" or "+de5ans" or "plusde5ans" => true,
            "non" or "n" or "no" or "faux" or "false" or "0" or "-" or "<5ans" or "-5ans" or "-de5ans" or "moinsde5ans" => false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>An amount in cents: 4.35, "4,35 €", "1 234,50", "gratuit" (on-site consultation is free, L.1111-7).</summary>
    public long? Cents(out bool valid)
    {
        valid = true;
        switch (Value)
        {
            case null:
                return null;
            case double n:
                return (long)Math.Round((decimal)n * 100m, MidpointRounding.AwayFromZero);
            case string text:
                var t = TextSearch.Normalize(text);
                if (t is "gratuit" or "gratuite" or "neant" or "offert" or "-" or "0")
                    return 0;
                t = Regex.Replace(t.Replace("€", "", StringComparison.Ordinal).Replace("eur", "", StringComparison.Ordinal), @"\s", "")
                    .Replace(',', '.');
                if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                    return (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero);
                break;
        }
        valid = false;
        return null;
    }

    public int? Integer(out bool valid)
    {
        valid = true;
        if (Value is null)
            return null;
        if (Value is double n && n == Math.Floor(n) && n is >= int.MinValue and <= int.MaxValue)
            return (int)n;
        if (Value is string s && int.TryParse(s.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            return i;
        valid = false;
        return null;
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
}
