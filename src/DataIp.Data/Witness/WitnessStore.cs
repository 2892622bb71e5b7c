using Microsoft.EntityFrameworkCore;

namespace DataIp.Data.Witness;

/// <summary>
/// The witness's record of the logs it cosigns. Advancing is a check-and-set on the recorded size,
/// so that of two concurrent requests from the same size only one wins (c2sp.org/tlog-witness:
/// checking the old size and persisting the new checkpoint "must be performed atomically").
/// One instance per database context.
/// </summary>
public sealed class WitnessStore(RegistryDbContext db)
{
    /// <summary>The recorded state of a log, or null if this witness never cosigned for it.</summary>
    public Task<WitnessState?> FindAsync(string origin, CancellationToken cancellationToken) =>
        db.WitnessStates.AsNoTracking().SingleOrDefaultAsync(s => s.Origin == origin, cancellationToken);

    /// <summary>
    /// Records (size, root) for the log if its recorded size is still <paramref name="oldSize"/>
    /// (0 and no record at all for a log never cosigned). Returns false when another request
    /// advanced it first; the caller then reads the new state and refuses.
    /// </summary>
    /// <remarks>
    /// The update is one statement, <c>UPDATE … WHERE Origin = @o AND TreeSize = @old</c>, atomic in
    /// both databases; a first record is an insert, and a concurrent first insert fails on the key.
    /// </remarks>
    public async Task<bool> TryAdvanceAsync(string origin, long oldSize, long size, byte[] rootHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rootHash);
        var updated = await db.WitnessStates.Where(s => s.Origin == origin && s.TreeSize == oldSize)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.TreeSize, size).SetProperty(s => s.RootHash, rootHash).SetProperty(s => s.UpdatedAt, now), cancellationToken)
            .ConfigureAwait(false);
        if (updated == 1)
        {
            return true;
        }

        if (oldSize != 0 || await db.WitnessStates.AnyAsync(s => s.Origin == origin, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        db.WitnessStates.Add(new WitnessState { Origin = origin, TreeSize = size, RootHash = rootHash, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request may have recorded the first checkpoint between our check and our
            // insert: then the key refused ours. Anything else is a real failure.
            db.ChangeTracker.Clear();
            if (await db.WitnessStates.AnyAsync(s => s.Origin == origin, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
