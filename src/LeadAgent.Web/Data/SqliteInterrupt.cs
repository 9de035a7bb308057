using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadAgent.Web.Data;

/// <summary>
/// Stops a SQLite statement when its cancellation token fires (a request past its time limit, a client gone).
/// Microsoft.Data.Sqlite runs statements synchronously and ignores the token once one has started, so a cancelled
/// scan would go on holding a thread and a connection; here the token interrupts the connection
/// (<c>sqlite3_interrupt</c>) from the start of the command until its reader is disposed, and the statement fails
/// with SQLITE_INTERRUPT (the API answers 503). Only API requests opt in (<see cref="ForThisRequest"/>): background
/// work stops at its own checks, where a cancelled batch is resumed, not failed. PostgreSQL needs none of this:
/// Npgsql cancels on the server.
/// </summary>
internal sealed class SqliteInterrupt : DbCommandInterceptor
{
    private static readonly AsyncLocal<bool> Enabled = new();

    private readonly ConditionalWeakTable<DbCommand, Registration> _live = [];

    /// <summary>Statements of the current request (this async flow) are interrupted when their token fires.</summary>
    public static void ForThisRequest() => Enabled.Value = true;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData,
        InterceptionResult result)
    {
        Stop(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        int result, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        object? result, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Stop(command);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Stop(command);
        return Task.CompletedTask;
    }

    private void Watch(DbCommand command, CancellationToken ct)
    {
        if (!Enabled.Value || !ct.CanBeCanceled || command.Connection is not SqliteConnection connection)
        {
            return;
        }
        var registration = new Registration();
        // Registered before it is stored: a token that already fired interrupts at once, which SQLite then reports.
        registration.Token = ct.Register(static state =>
        {
            var (c, r) = ((SqliteConnection, Registration))state!;
            lock (r)
            {
                if (!r.Done && c.Handle is { } handle)
                {
                    SQLitePCL.raw.sqlite3_interrupt(handle);
                }
            }
        }, (connection, registration));
        _live.AddOrUpdate(command, registration);
    }

    private void Stop(DbCommand command)
    {
        if (_live.TryGetValue(command, out var registration))
        {
            _live.Remove(command);
            // Done under the lock: an interrupt racing with the end of this command must not hit the next one.
            lock (registration)
            {
                registration.Done = true;
            }
            registration.Token.Dispose();
        }
    }

    private sealed class Registration
    {
        public CancellationTokenRegistration Token;
        public bool Done;
    }
}
