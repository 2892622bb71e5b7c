using System.Text;
using DataIp.Data.TransparencyLog;
using DataIp.Domain.TransparencyLog;
using DataIp.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataIp.Data.Tests.TransparencyLog;

/// <summary>
/// <see cref="LogStore"/> on its own, on both databases: each public method against the domain's
/// in-memory tree, on the empty log, partial and full tiles, the last full tile, and sizes beyond
/// the integrated and the committed size. Entries are stored directly (no acts): the store reads
/// only entries, nodes, the state row and checkpoints.
/// </summary>
public sealed class LogStoreTests
{
    // 600 entries: level-0 tiles 0 and 1 full (the last full one ends at 512), tile 2 partial
    // (width 88); two complete level-8 nodes (a partial level-1 tile of width 2).
    private const int Size = 600;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EmptyLog_EveryReadAnswersTheEmptyTree(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await using var db = registry.Open();
        var store = new LogStore(db);

        Assert.Equal(0, await store.CommittedSizeAsync(default));
        Assert.Equal(0, await store.IntegratedSizeAsync(default));
        Assert.Null(await store.LatestCheckpointAsync(default));
        Assert.Null(await store.ReadEntryAsync(0, default));
        Assert.Empty(await store.GetHashesAsync([], default));
        Assert.Equal(Rfc9162.EmptyRoot, await store.RootAtAsync(0, default));
        Assert.Equal((0L, Rfc9162.EmptyRoot), await store.IntegrateAsync(10, default));
        Assert.Equal(0, await store.IntegratedSizeAsync(default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadLevelAsync(0, 0, 1, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RootAtAsync(1, default));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task IntegrateAsync_InBatches_StoresExactlyTheCompleteSubtreesAndTheRoot(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        var tree = await AppendAsync(registry, 0, Size);
        await using var db = registry.Open();
        var store = new LogStore(db);

        var sizes = new List<(long, Hash)>();
        for (var batch = 0; batch < 4; batch++)
        {
            sizes.Add(await store.IntegrateAsync(256, default));
        }

        Assert.Equal([(256L, tree.RootHash(256)), (512L, tree.RootHash(512)), (Size, tree.RootHash()), (Size, tree.RootHash())], sizes);
        Assert.Equal((long)Size, await store.CommittedSizeAsync(default));
        Assert.Equal((long)Size, await store.IntegratedSizeAsync(default));
        var stored = await db.LogNodes.AsNoTracking().ToDictionaryAsync(n => n.Key, n => Hash.FromBytes(n.Hash));
        Assert.Equal(ReferenceNodes(tree, Size), stored);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task IntegrateAsync_MissingEntry_ThrowsAndCommitsNothing(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await AppendAsync(registry, 0, 3);
        await AppendAsync(registry, 4, 1);
        await using var db = registry.Open();
        var store = new LogStore(db);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.IntegrateAsync(10, default));

        Assert.Contains("entry 3 is missing but 4 exists", error.Message, StringComparison.Ordinal);
        await using var check = registry.Open();
        Assert.Equal(0, await new LogStore(check).IntegratedSizeAsync(default));
        Assert.Empty(await check.LogNodes.AsNoTracking().ToListAsync());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.IntegrateAsync(0, default));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadLevelAsync_TilesOfTheLog_AreTheTreesHashes(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        var tree = await AppendAsync(registry, 0, Size);
        await using var db = registry.Open();
        var store = new LogStore(db);
        await store.IntegrateAsync(Size, default);

        (int Level, long Start, int Count)[] tiles =
        [
            (0, 0, 256), // tile/0/000
            (0, 256, 256), // tile/0/001, the last full tile
            (0, 512, 88), // tile/0/002.p/88
            (0, 0, 5), // tile/0/000.p/5, the partial tile of an earlier checkpoint
            (8, 0, 2), // tile/1/000.p/2
            (8, 1, 1),
            (1, 299, 1), // the last complete node of tree level 1
        ];
        foreach (var (level, start, count) in tiles)
        {
            var expected = Enumerable.Range(0, count).SelectMany(i => tree.GetHash(new NodeId(level, (ulong)(start + i))).ToArray()).ToArray();
            Assert.Equal(expected, await store.ReadLevelAsync(level, start, count, default));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadLevelAsync_BeyondWhatIsStored_Throws(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        var tree = await AppendAsync(registry, 0, Size);
        await using var db = registry.Open();
        var store = new LogStore(db);
        await store.IntegrateAsync(512, default);

        // Leaves are entries: stored once committed, integrated or not. Nodes only once integrated.
        Assert.Equal(tree.GetHash(new NodeId(0, 599)).ToArray(), await store.ReadLevelAsync(0, 599, 1, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadLevelAsync(0, 512, 89, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadLevelAsync(1, 256, 1, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadLevelAsync(8, 0, 3, default));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadLevelAndEntries_BadArguments_ThrowArgumentOutOfRange(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await AppendAsync(registry, 0, 3);
        await using var db = registry.Open();
        var store = new LogStore(db);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadLevelAsync(0, -1, 1, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadLevelAsync(0, 0, 0, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadLevelAsync(-1, 0, 1, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadLevelAsync(63, 0, 1, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadEntriesAsync(-1, 1, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadEntriesAsync(0, 0, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.RootAtAsync(-1, default));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadEntriesAsync_RangesOfTheLog_InOrderAndNeverShort(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await AppendAsync(registry, 0, 300);
        await using var db = registry.Open();
        var store = new LogStore(db);

        Assert.Equal(Enumerable.Range(0, 256).Select(Entry), await store.ReadEntriesAsync(0, 256, default));
        Assert.Equal(Enumerable.Range(256, 44).Select(Entry), await store.ReadEntriesAsync(256, 44, default));
        Assert.Equal(Entry(299), (await store.ReadEntryAsync(299, default))!.Entry);
        Assert.Null(await store.ReadEntryAsync(300, default));
        Assert.Null(await store.ReadEntryAsync(-1, default));

        // Entries beyond the committed size are not there: an error, not a short bundle.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadEntriesAsync(256, 45, default));
        Assert.Contains("44 of 45", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task GetHashesAsync_LeavesAndNodes_InTheOrderAsked(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        var tree = await AppendAsync(registry, 0, Size);
        await using var db = registry.Open();
        var store = new LogStore(db);
        await store.IntegrateAsync(512, default);
        NodeId[] ids = [new(9, 0), new(0, 7), new(3, 2), new(0, 599), new(9, 0), new(1, 255)];

        var hashes = await store.GetHashesAsync(ids, default);

        Assert.Equal(ids.Select(tree.GetHash), hashes);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetHashesAsync([new NodeId(1, 256)], default));
        Assert.Contains("not stored", error.Message, StringComparison.Ordinal);
    }

    // Up to the integrated size every root is the tree's; beyond it a root is the tree's when the
    // hashes it needs happen to be stored (leaves, nodes of earlier subtrees), and otherwise the
    // read fails: never a wrong root.
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RootAtAsync_EverySize_TheTreesRootOrAFailureNeverAWrongRoot(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        var tree = await AppendAsync(registry, 0, 640);
        await using var db = registry.Open();
        var store = new LogStore(db);
        await store.IntegrateAsync(Size, default);

        for (var size = 0; size <= Size; size++)
        {
            Assert.Equal(tree.RootHash((ulong)size), await store.RootAtAsync(size, default));
        }

        var failed = 0;
        for (var size = Size + 1; size <= 641; size++)
        {
            try
            {
                Assert.Equal(tree.RootHash((ulong)Math.Min(size, 640)), await store.RootAtAsync(size, default));
                Assert.True(size <= 640, $"size {size} is beyond the committed entries but had a root");
            }
            catch (InvalidOperationException)
            {
                failed++;
            }
        }

        Assert.InRange(failed, 1, 40);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CheckpointNotes_LatestAndCheckAndSet(DatabaseProvider provider)
    {
        await using var registry = await TestRegistry.CreateAsync(provider);
        await using (var setup = registry.Open())
        {
            setup.LogCheckpoints.AddRange(Checkpoint(3, "three"), Checkpoint(10, "ten"), Checkpoint(7, "seven"));
            await setup.SaveChangesAsync();
        }

        await using var db = registry.Open();
        var store = new LogStore(db);

        Assert.Equal((10L, "ten"), ((await store.LatestCheckpointAsync(default))!.TreeSize, (await store.LatestCheckpointAsync(default))!.Note));
        Assert.True(await store.ReplaceNoteAsync(10, "ten", "ten, cosigned", default));
        Assert.False(await store.ReplaceNoteAsync(10, "ten", "ten, cosigned twice", default)); // the note changed meanwhile
        Assert.False(await store.ReplaceNoteAsync(11, "ten", "eleven", default));
        Assert.Equal("ten, cosigned", (await store.LatestCheckpointAsync(default))!.Note);
        Assert.Equal("seven", (await db.LogCheckpoints.AsNoTracking().SingleAsync(c => c.TreeSize == 7)).Note);
    }

    private static byte[] Entry(int index) => Encoding.UTF8.GetBytes($"{{\"entry\":{index}}}");

    private static LogCheckpoint Checkpoint(long size, string note) =>
        new() { TreeSize = size, RootHash = new byte[32], Note = note, SignedAt = DateTimeOffset.UnixEpoch };

    // Stores entries [from, from + count) and returns the reference tree of entries [0, from + count).
    private static async Task<InMemoryMerkleTree> AppendAsync(TestRegistry registry, int from, int count)
    {
        await using (var db = registry.Open())
        {
            db.LogEntries.AddRange(Enumerable.Range(from, count).Select(i => new LogEntry
            {
                Index = i,
                ActId = Guid.NewGuid(),
                Entry = Entry(i),
                LeafHash = Rfc9162.HashLeaf(Entry(i)).ToArray(),
            }));
            await db.SaveChangesAsync();
        }

        var tree = new InMemoryMerkleTree();
        for (var i = 0; i < from + count; i++)
        {
            tree.AppendEntry(Entry(i));
        }

        return tree;
    }

    // The key and hash of every complete subtree above the leaves of a tree of `size` leaves.
    private static Dictionary<long, Hash> ReferenceNodes(InMemoryMerkleTree tree, long size)
    {
        var nodes = new Dictionary<long, Hash>();
        for (var level = 1; (1L << level) <= size; level++)
        {
            for (var index = 0L; (index + 1) << level <= size; index++)
            {
                nodes[LogNodeKey.Of(level, index)] = tree.GetHash(new NodeId(level, (ulong)index));
            }
        }

        return nodes;
    }
}
