using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace RelationsUsagers.Core.Documents;

/// <summary>
/// The document types a case may hold (PDF, Word, images). The name's extension and the content must agree: the first
/// bytes carry the type's signature, and a .docx or .odt is a real word-processing package, not any zip. A name the
/// browser could run or render (.html, .svg, .js) is refused whatever its content: it is simply not on the list.
/// </summary>
public static class DocumentTypes
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public const string RefusedMessage =
        "Type de fichier refusé : seuls les PDF, documents Word (.doc, .docx, .odt) et images (PNG, JPEG, TIFF) sont acceptés.";

    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Odt = "application/vnd.oasis.opendocument.text";

    private static readonly byte[] Zip = "PK\u0003\u0004"u8.ToArray();

    /// <summary>Each accepted extension, its MIME type and the signatures its content may start with.</summary>
    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Accepted = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", ["%PDF-"u8.ToArray()]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".tif"] = ("image/tiff", ["II*\0"u8.ToArray(), "MM\0*"u8.ToArray()]),
        [".tiff"] = ("image/tiff", ["II*\0"u8.ToArray(), "MM\0*"u8.ToArray()]),
        // Legacy .doc: an OLE compound file.
        [".doc"] = ("application/msword", [[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]]),
        [".docx"] = (Docx, [Zip]),
        [".odt"] = (Odt, [Zip]),
    };

    /// <summary>The MIME type when the name's extension is accepted and the content starts as that type does; else null.</summary>
    public static string? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (!Accepted.TryGetValue(Path.GetExtension(fileName), out var type))
            return null;
        foreach (var signature in type.Signatures)
            if (head.StartsWith(signature))
                return type.ContentType;
        return null;
    }

    /// <summary>True when the name's extension is one the portal accepts (the content still has to agree).</summary>
    public static bool IsAcceptedName(string fileName) => Accepted.ContainsKey(Path.GetExtension(fileName));

    /// <summary>
    /// For a zip-based type, whether the whole file is that package: a .docx names the Word main part in its
    /// [Content_Types].xml, an .odt starts with a "mimetype" entry holding the OpenDocument text type. Other types pass.
    /// Only those small entries are read, a bounded number of bytes each.
    /// </summary>
    public static bool IsWholePackage(Stream file, string contentType)
    {
        if (contentType is not (Docx or Odt))
            return true;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (contentType == Docx)
                return zip.GetEntry("[Content_Types].xml") is { } types
                    && ReadStart(types, 64 * 1024).Contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", StringComparison.Ordinal)
                    && zip.GetEntry("word/document.xml") is not null;
            return zip.Entries.Count > 0 && zip.Entries[0] is { FullName: "mimetype" } mimetype
                && ReadStart(mimetype, 256).Trim() == Odt;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string ReadStart(ZipArchiveEntry entry, int max)
    {
        using var stream = entry.Open();
        var buffer = new byte[max];
        var read = stream.ReadAtLeast(buffer, max, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>
    /// The name kept for a document: its last path segment, without control or format characters (a right-to-left override
    /// U+202E turns "rapport‮fdp.exe" into "rapportexe.pdf" on screen; zero-width and bidi marks hide the real name).
    /// </summary>
    public static string CleanName(string fileName)
    {
        var kept = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                continue;
            kept.Append(c);
        }
        return Path.GetFileName(kept.ToString().Replace('\\', '/')).Trim();
    }
}
