namespace RelationsUsagers.Core.Documents;

/// <summary>What went wrong when a document could not be stored, told apart for the log line and the office's message.</summary>
internal static class StorageFailure
{
    public const string DiskFull = "disk full";
    public const string Unwritable = "folder not writable";
    public const string Other = "I/O error";

    // ENOSPC (28) on Linux, ERROR_DISK_FULL (112) and ERROR_HANDLE_DISK_FULL (39) on Windows, as .NET reports them.
    private static readonly int[] DiskFullCodes = [28, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    // ENOTDIR (20: a file where a folder should be) and EROFS (30: read-only file system) on Linux.
    private static readonly int[] UnwritableCodes = [20, 30];

    public static string Kind(Exception ex) => ex switch
    {
        UnauthorizedAccessException or DirectoryNotFoundException => Unwritable,
        IOException when DiskFullCodes.Contains(ex.HResult) => DiskFull,
        IOException when UnwritableCodes.Contains(ex.HResult) => Unwritable,
        _ => Other,
    };

    public static string Message(string kind) => kind switch
    {
        DiskFull => "Le document n'a pas pu être enregistré : l'espace disque du serveur est plein. Rien n'a été ajouté au dossier ; prévenez l'administrateur.",
        Unwritable => "Le document n'a pas pu être enregistré : le dossier de stockage des documents est inaccessible. Rien n'a été ajouté au dossier ; prévenez l'administrateur.",
        _ => "Le document n'a pas pu être enregistré (erreur de lecture ou d'écriture). Rien n'a été ajouté au dossier ; réessayez.",
    };
}
