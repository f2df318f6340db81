using System.Globalization;
using System.IO.Compression;

namespace RelationsUsagers.Core.Imports;

/// <summary>
/// What an imported workbook may hold. An .xlsx is a zip: a few hundred kilobytes can unpack to gigabytes, which ClosedXML
/// would load whole. The package is measured first, entry by entry, decompressing into a small buffer that is thrown away,
/// so a bomb is refused after reading at most <see cref="MaxUncompressedBytes"/> and never held in memory.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>Setting <c>Import:MaxUncompressedMegabytes</c>.</summary>
    public long MaxUncompressedBytes { get; init; } = 50L * 1024 * 1024;
    public int MaxEntries { get; init; } = 1_000;
    /// <summary>A worksheet of real data compresses about 5 to 20 times; a bomb, hundreds to thousands of times.</summary>
    public int MaxCompressionRatio { get; init; } = 100;
    public int MaxRows { get; init; } = 50_000;
    /// <summary>Excel's own limit for a cell's text: a longer one was not written by Excel.</summary>
    public int MaxCellLength { get; init; } = 32_767;

    /// <summary>Entries smaller than this are not judged by their ratio (an empty style sheet compresses well too).</summary>
    private const long RatioFloor = 1024 * 1024;

    /// <summary>Why the package is refused, in French, or null when it stays within the limits (or is not a zip at all).</summary>
    public string? CheckPackage(Stream file)
    {
        var start = file.Position;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
                return $"Le classeur contient {zip.Entries.Count} éléments internes, plus que les {MaxEntries} admis : il n'a pas été lu.";
            var buffer = new byte[81_920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                // The sizes the zip declares come first (free to read), then what the entry really unpacks to: they may lie.
                if (entry.Length > MaxUncompressedBytes - total || Ratio(entry.Length, entry.CompressedLength) > MaxCompressionRatio)
                    return TooLarge();
                using var content = entry.Open();
                long unpacked = 0;
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    unpacked += read;
                    if (total + unpacked > MaxUncompressedBytes || Ratio(unpacked, entry.CompressedLength) > MaxCompressionRatio)
                        return TooLarge();
                }
                total += unpacked;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            // Not a zip, or a damaged one: ClosedXML will say it is not a readable workbook.
            return null;
        }
        finally
        {
            file.Position = start;
        }
    }

    private static double Ratio(long unpacked, long compressed) => unpacked < RatioFloor ? 0 : unpacked / (double)Math.Max(1, compressed);

    private string TooLarge() =>
        $"Le classeur décompressé dépasse {Megabytes(MaxUncompressedBytes)} Mo ou est anormalement compressé : il n'a pas été lu. "
        + "Enregistrez la feuille à importer seule dans un nouveau classeur Excel (.xlsx).";

    public string TooManyRows(string sheet, int rows) =>
        $"La feuille « {sheet} » compte {rows.ToString("N0", French)} lignes sous les en-têtes, plus que les {MaxRows.ToString("N0", French)} admises : "
        + "découpez le tableau en plusieurs fichiers.";

    public string TooLongCell(int row, string column) =>
        $"Ligne {row}, colonne {column} : la cellule dépasse {MaxCellLength.ToString("N0", French)} caractères, la limite d'Excel : le fichier n'a pas été lu.";

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
}
