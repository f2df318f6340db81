using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RelationsUsagers.Core.Tests.Timeline;

/// <summary>Runs an action once, just before the first SaveChanges of the context it is attached to (a colleague saving mid-way).</summary>
internal sealed class SaveInterleaver(Func<Task> action) : SaveChangesInterceptor
{
    private int _done;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
            await action();
        return result;
    }
}
