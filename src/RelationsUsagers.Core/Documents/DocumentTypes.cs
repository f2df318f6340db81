namespace RelationsUsagers.Core.Documents;

/// <summary>
/// The document types a case may hold (PDF, Word, images), recognised from the file's first bytes, never from its
/// name or the browser's claim: a renamed executable stays refused.
/// </summary>
public static class DocumentTypes
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The MIME type for the content, or null when it is not an accepted document.</summary>
    public static string? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.StartsWith("%PDF-"u8))
            return "application/pdf";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "image/jpeg";
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
            return "image/tiff";
        // Legacy .doc: an OLE compound file.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) && HasExtension(fileName, ".doc"))
            return "application/msword";
        // .docx / .odt are zip packages; the extension says which (the zip alone could be anything).
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            if (HasExtension(fileName, ".docx"))
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (HasExtension(fileName, ".odt"))
                return "application/vnd.oasis.opendocument.text";
        }
        return null;
    }

    private static bool HasExtension(string fileName, string extension) =>
        string.Equals(Path.GetExtension(fileName), extension, StringComparison.OrdinalIgnoreCase);
}
