using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace RelationsUsagers.Core.Tests.Timeline;

/// <summary>
/// Runs an action once, just before the first save of the context it is attached to writes anything (a colleague saving
/// mid-way): at SaveChanges, or at the transaction that opens the save when that comes first. On PostgreSQL the context
/// opens its transaction and takes the audit chain's lock before SaveChanges (AppDbContext): an action run after the lock
/// would wait for it behind its own caller.
/// </summary>
internal sealed class SaveInterleaver(Func<Task> action) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private int _done;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await RunOnceAsync();
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await RunOnceAsync();
        return result;
    }

    private async Task RunOnceAsync()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
            await action();
    }
}
