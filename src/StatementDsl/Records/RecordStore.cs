using System.ComponentModel;

namespace StatementDsl.Records;

/// <summary>Returns chunk <c>index</c> of a file's records: a span over a u8 literal in the assembly's data.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ReadOnlySpan<byte> RecordChunks(int index);

/// <summary>One generated file's records as the generator emitted them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordSource(string className, string path, RecordChunks chunks, int chunkCount)
{
    public string ClassName { get; } = className;

    public string Path { get; } = path;

    internal RecordChunks Chunks { get; } = chunks;

    internal int ChunkCount { get; } = chunkCount;
}

/// <summary>
/// All record files of an assembly. Nothing is decoded until a record is touched; references
/// between records, across files too, resolve by id on first access.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordStore
{
    private readonly Dictionary<string, RecordFile> files = new(StringComparer.Ordinal);
    private readonly RecordFile[] ordered;
    private Dictionary<string, (RecordFile File, int Index)>? byId;

    public RecordStore(params RecordSource[] sources)
    {
        ordered = new RecordFile[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            ordered[i] = new RecordFile(this, sources[i]);
            files.Add(sources[i].ClassName, ordered[i]);
        }
    }

    public RecordFile File(string className) => files[className];

    internal Declaration Resolve(string id)
    {
        var index = byId ?? BuildIndex();
        var (file, entity) = index[id];
        return file.Entity(entity);
    }

    private Dictionary<string, (RecordFile File, int Index)> BuildIndex()
    {
        var index = new Dictionary<string, (RecordFile File, int Index)>(StringComparer.Ordinal);
        foreach (var file in ordered)
        {
            var ids = file.Ids;
            for (var i = 0; i < ids.Length; i++)
            {
                if (ids[i] is { } id)
                {
                    index.TryAdd(id, (file, i));
                }
            }
        }

        Interlocked.CompareExchange(ref byId, index, null);
        return byId;
    }
}

/// <summary>A reference not yet followed: an id, or the index of a record of the same file.</summary>
internal sealed class Deferred
{
    private readonly RecordStore? store;
    private readonly string? id;
    private readonly RecordFile? file;
    private readonly int index;

    public Deferred(RecordStore store, string id)
    {
        this.store = store;
        this.id = id;
    }

    public Deferred(RecordFile file, int index)
    {
        this.file = file;
        this.index = index;
    }

    public object Resolve() => id is not null ? store!.Resolve(id) : file!.Entity(index);
}

/// <summary>A list of references not yet followed: ids, or indices of records of one file.</summary>
internal sealed class DeferredList
{
    private readonly RecordStore? store;
    private readonly string[]? ids;
    private readonly RecordFile? file;
    private readonly int[]? indices;

    public DeferredList(RecordStore store, string[] ids)
    {
        this.store = store;
        this.ids = ids;
    }

    public DeferredList(RecordFile file, int[] indices)
    {
        this.file = file;
        this.indices = indices;
    }

    public IReadOnlyList<T> Resolve<T>()
        where T : class
    {
        var count = ids?.Length ?? indices!.Length;
        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = (T)(object)(ids is not null ? store!.Resolve(ids[i]) : file!.Entity(indices![i]));
        }

        return items;
    }
}
