using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelationsUsagers.Core.Data;

/// <summary>A fact about the database itself, written once when it becomes true (e.g. that it was created as a demonstration).</summary>
public sealed class DatabaseFact
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}

internal sealed class DatabaseFactConfiguration : IEntityTypeConfiguration<DatabaseFact>
{
    public void Configure(EntityTypeBuilder<DatabaseFact> b)
    {
        b.ToTable("DatabaseFacts");
        b.HasKey(f => f.Key);
        b.Property(f => f.Key).HasMaxLength(50);
        b.Property(f => f.Value).HasMaxLength(200).IsRequired();
    }
}

/// <summary>
/// Whether the database was created as a demonstration. Demo accounts have a public password: they may exist only in a
/// database that never held anything else, so the mark is set when the demo creates the file, never afterwards.
/// </summary>
public static class DemoDatabase
{
    public const string Key = "demo-database";

    public static Task<bool> IsDemoAsync(AppDbContext db, CancellationToken ct = default) =>
        db.DatabaseFacts.AnyAsync(f => f.Key == Key, ct);

    /// <summary>Marks a database that <see cref="DatabaseSetup.MigrateAsync(IDbContextFactory{AppDbContext}, TimeProvider, CancellationToken)"/> has just created.</summary>
    public static async Task MarkAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await IsDemoAsync(db, ct))
            return;
        db.DatabaseFacts.Add(new DatabaseFact { Key = Key, Value = "true", RecordedAtUtc = db.UtcNow });
        await db.SaveChangesAsync(ct);
    }
}
