using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.Cases;

/// <summary>
/// Tells open queues that a case was created or changed (its id; null when many may have changed, such as a delay
/// setting), so that they reload within a moment. On SQLite one process serves every circuit, so an in-memory event
/// reaches all of them. On PostgreSQL several instances share the database: the change is sent with NOTIFY on
/// <see cref="Channel"/> and every instance, this one included, raises <see cref="Changed"/> from its
/// <see cref="CaseChangeListener"/>, so that no instance sees its own change twice.
/// </summary>
public sealed class CaseChanges
{
    /// <summary>The PostgreSQL channel; the payload is the case id alone (never a name), or empty.</summary>
    public const string Channel = "ru_case_changed";

    public event Action<Guid?>? Changed;

    /// <summary>
    /// Call after the commit, with the context that committed: on PostgreSQL a NOTIFY on its connection, elsewhere the
    /// local event. The change is already saved: a notification that cannot be sent is raised locally rather than
    /// reported to the user as a failed save. Refused inside an open transaction: on SQLite the local event runs the
    /// listeners' reloads on this very thread (Blazor runs an idle circuit's work inline), so they would read the state
    /// before the commit, and one that writes (the queue's audited search) would wait for the write lock this thread holds.
    /// </summary>
    public async Task PublishAsync(AppDbContext db, Guid? caseId)
    {
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("A case change is published after its transaction commits, not inside it.");
        if (!db.Database.IsNpgsql())
        {
            Raise(caseId);
            return;
        }
        var payload = caseId?.ToString("D") ?? "";
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            Raise(caseId);
        }
    }

    /// <summary>Raises <see cref="Changed"/> in this instance (the listener's notifications, SQLite's saves).</summary>
    internal void Raise(Guid? caseId) => Changed?.Invoke(caseId);

    /// <summary>The payload of a notification back to a case id; anything else means "some cases".</summary>
    internal static Guid? ParsePayload(string payload) => Guid.TryParse(payload, out var id) ? id : null;
}
