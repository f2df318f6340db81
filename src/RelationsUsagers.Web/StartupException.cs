using Microsoft.Data.Sqlite;

namespace RelationsUsagers.Web;

/// <summary>
/// Why the portal cannot start, said in French on standard error, with an exit code a service manager or a script can act
/// on (README, "Exit codes"). No stack trace: the message names what is wrong and what to do.
/// </summary>
public sealed class StartupException(string message, int exitCode, Exception? inner = null) : Exception(message, inner)
{
    public const int BadSetting = 2;
    public const int NotADemoDatabase = 3;
    public const int DatabaseMissing = 4;
    public const int DatabaseReadOnly = 5;
    public const int DiskFull = 6;
    public const int NotADatabase = 7;

    public int ExitCode { get; } = exitCode;

    // SQLite's primary result codes (sqlite.org/rescode.html).
    private const int SqlitePerm = 3, SqliteReadOnly = 8, SqliteIoError = 10, SqliteCorrupt = 11, SqliteFull = 13, SqliteCantOpen = 14,
        SqliteNotADb = 26;

    /// <summary>
    /// What went wrong when opening or migrating the SQLite file at <paramref name="path"/>; null when the exception is not
    /// one of the file's (then it is a fault of the portal, reported as such).
    /// </summary>
    public static StartupException? FromDatabase(Exception exception, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? path;
        if (exception is not (SqliteException or IOException or UnauthorizedAccessException))
            return null;
        if (!Directory.Exists(folder))
            return new StartupException(
                $"La base de données ne peut pas être ouverte : le dossier « {folder} » n'existe pas et ne peut pas être créé. " +
                "Vérifiez Database:Path et que le disque ou le partage qui la porte est bien monté.", DatabaseMissing, exception);
        return exception switch
        {
            SqliteException { SqliteErrorCode: SqliteFull } => Full(path, exception),
            IOException io when IsDiskFull(io) => Full(path, exception),
            SqliteException { SqliteErrorCode: SqliteReadOnly or SqlitePerm } or UnauthorizedAccessException => new StartupException(
                $"La base de données « {path} » est en lecture seule : le portail doit pouvoir écrire dans ce fichier et dans son dossier. " +
                "Vérifiez les droits du compte qui lance le portail, et que le disque n'est pas monté en lecture seule.", DatabaseReadOnly, exception),
            SqliteException { SqliteErrorCode: SqliteNotADb or SqliteCorrupt } => new StartupException(
                $"Le fichier « {path} » n'est pas une base de données du portail, ou il est endommagé : indiquez le bon fichier " +
                "(Database:Path) ou restaurez la dernière sauvegarde.", NotADatabase, exception),
            SqliteException { SqliteErrorCode: SqliteCantOpen or SqliteIoError } or IOException => new StartupException(
                $"La base de données « {path} » ne peut pas être ouverte : le fichier ou son dossier n'est pas accessible. " +
                "Vérifiez Database:Path, les droits du compte qui lance le portail, et que le disque est bien monté.", DatabaseMissing, exception),
            _ => null,
        };
    }

    /// <summary>What went wrong when reaching or migrating the PostgreSQL database; null when it is not the server's.</summary>
    public static StartupException? FromServer(Exception exception) => exception switch
    {
        // Raised before any migration is applied: the database is left as it was.
        Core.Data.DatabaseExtensionException { Refused: true } missing => new StartupException(
            $"Le compte PostgreSQL du portail ne peut pas créer l'extension {missing.Extension}, dont la recherche de la file " +
            $"d'attente a besoin ; aucune migration n'a été appliquée. Un administrateur du serveur l'exécute une fois dans la base : " +
            $"CREATE EXTENSION {missing.Extension}; puis relancez le portail. (The portal's PostgreSQL account may not create the " +
            $"{missing.Extension} extension: run CREATE EXTENSION {missing.Extension}; in the database as an administrator.)",
            DatabaseReadOnly, exception),
        Core.Data.DatabaseExtensionException missing => new StartupException(
            $"Le serveur PostgreSQL n'a pas l'extension {missing.Extension}, dont la recherche de la file d'attente a besoin ; aucune " +
            $"migration n'a été appliquée. Installez les modules contrib de PostgreSQL sur le serveur (paquet postgresql-contrib), " +
            $"puis relancez le portail. (The PostgreSQL server lacks the {missing.Extension} extension: install the contrib modules.)",
            DatabaseMissing, exception),
        // SQLSTATE classes: 53100 disk_full, 42501 insufficient_privilege, 28xxx invalid authorization (postgresql.org/docs/current/errcodes-appendix.html).
        Npgsql.PostgresException { SqlState: "53100" } => new StartupException(
            "Le disque du serveur PostgreSQL est plein : libérez de la place sur le serveur, puis relancez le portail.", DiskFull, exception),
        Npgsql.PostgresException { SqlState: "42501" } => new StartupException(
            "Le compte PostgreSQL du portail n'a pas les droits nécessaires sur la base (créer les tables, écrire) : donnez-les lui, " +
            "ou indiquez un autre compte dans ConnectionStrings:Default.", DatabaseReadOnly, exception),
        Npgsql.PostgresException { SqlState: var state } when state.StartsWith("28", StringComparison.Ordinal) => new StartupException(
            "Le serveur PostgreSQL refuse la connexion : vérifiez l'utilisateur et le mot de passe de ConnectionStrings:Default.",
            DatabaseMissing, exception),
        Npgsql.NpgsqlException => new StartupException(
            "Le serveur PostgreSQL ne peut pas être joint ou la base ne peut pas être ouverte : vérifiez Host, Port et Database dans " +
            "ConnectionStrings:Default, et que le serveur est démarré.", DatabaseMissing, exception),
        _ => null,
    };

    private static StartupException Full(string path, Exception exception) => new(
        $"Le disque de la base de données « {path} » est plein : libérez de la place, puis relancez le portail.", DiskFull, exception);

    /// <summary>ENOSPC on Linux (28), ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    private static bool IsDiskFull(IOException exception) =>
        exception.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027);
}
