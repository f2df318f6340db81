using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Tests;

/// <summary>
/// A test class about one database by nature (a SQLite file's journal mode, query plans or backups; NOTIFY across
/// instances), which therefore does not run on both: <see cref="TestDatabase"/> lets its tests create databases of
/// <see cref="Provider"/> alone. <see cref="Because"/> says why, for the reader tempted to convert it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OneDatabaseAttribute(DatabaseProvider provider, string because) : Attribute
{
    public DatabaseProvider Provider { get; } = provider;

    public string Because { get; } = because;
}
