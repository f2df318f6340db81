namespace RelationsUsagers.Core.Exports;

/// <summary>
/// One column of an export: a header, a typed value, an Excel number format and an optional fixed width
/// (otherwise computed from the content). ClosedXML 0.95 has no <c>XLCellValue</c>: <see cref="ExportValue"/> plays its part.
/// </summary>
public sealed record ExportColumn<T>(string Header, Func<T, ExportValue> Value, string? Format = null, double? Width = null);

/// <summary>
/// A cell value that keeps its Excel type: text stays text (never a formula, even if it starts with "="), dates are
/// dates and numbers are numbers. Only these types convert implicitly, so a column cannot write something else.
/// </summary>
public readonly struct ExportValue : IEquatable<ExportValue>
{
    private ExportValue(object? value) => Value = value;

    /// <summary>A <see cref="string"/>, <see cref="DateTime"/>, <see cref="decimal"/>, <see cref="int"/>, <see cref="double"/> or null.</summary>
    public object? Value { get; }

    public static ExportValue Text(string? text) => new(string.IsNullOrEmpty(text) ? null : text);
    public static ExportValue Date(DateOnly? date) => new(date?.ToDateTime(TimeOnly.MinValue));
    public static ExportValue Number(decimal? number) => new(number);
    public static ExportValue Number(int? number) => new(number);
    public static ExportValue Number(double? number) => new(number);

    public static implicit operator ExportValue(string? text) => Text(text);
    public static implicit operator ExportValue(DateOnly? date) => Date(date);
    public static implicit operator ExportValue(DateOnly date) => Date(date);
    public static implicit operator ExportValue(decimal? number) => Number(number);
    public static implicit operator ExportValue(int? number) => Number(number);
    public static implicit operator ExportValue(int number) => Number(number);
    public static implicit operator ExportValue(double? number) => Number(number);

    public bool Equals(ExportValue other) => Equals(Value, other.Value);
    public override bool Equals(object? obj) => obj is ExportValue other && Equals(other);
    public override int GetHashCode() => Value?.GetHashCode() ?? 0;
    public static bool operator ==(ExportValue left, ExportValue right) => left.Equals(right);
    public static bool operator !=(ExportValue left, ExportValue right) => !left.Equals(right);
}

/// <summary>
/// Excel number format codes. They are stored locale-free in the file and shown by Excel in the reader's locale:
/// <see cref="Money"/> appears as "1 234,50 €" and <see cref="Date"/> as "03/03/2025" in a French Excel.
/// </summary>
public static class ExportFormats
{
    public const string Date = "dd/mm/yyyy";
    public const string Month = "mmmm yyyy";
    public const string Money = "#,##0.00\\ \"€\"";
    public const string Integer = "0";
    public const string OneDecimal = "0.0";
    public const string Percent = "0.0%";
}
