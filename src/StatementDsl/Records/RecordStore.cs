using System.Buffers;
using System.ComponentModel;
using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using System.Text;

namespace StatementDsl.Records;

/// <summary>
/// The record files of one assembly, read from its <see cref="RecordDataAttribute"/>s. Nothing is
/// decoded until a record is touched; a reference resolves, on first access, by id within the one
/// file the generator found it in.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordStore
{
    private static readonly ConditionalWeakTable<Assembly, RecordStore> Stores = new();

    private readonly Dictionary<string, RecordFile> byClass = new(StringComparer.Ordinal);
    private StatementCatalog? catalog;

    private RecordStore(IEnumerable<(string ClassName, string Path, ReadOnlyMemory<byte> Records)> files)
    {
        var ordered = new List<RecordFile>();
        foreach (var (className, path, records) in files)
        {
            var file = new RecordFile(this, path, records);
            if (byClass.TryAdd(className, file))
            {
                ordered.Add(file);
            }
        }

        ordered.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        Files = ordered;
    }

    /// <summary>Every file, by ordinal path.</summary>
    internal IReadOnlyList<RecordFile> Files { get; }

    internal StatementCatalog Catalog => catalog ?? Interlocked.CompareExchange(ref catalog, new StatementCatalog(this), null) ?? catalog;

    /// <summary>The one store of <paramref name="assembly"/>, shared by its generated classes and <see cref="StatementCatalog.Of"/>.</summary>
    public static RecordStore For(Assembly assembly) => Stores.GetValue(assembly, static a => new RecordStore(ReadRecordData(a)));

    public RecordFile File(string className) => byClass[className];

    internal Declaration? Resolve(string? className, string id) =>
        className is not null && byClass.TryGetValue(className, out var file) && file.IndexOf(id) is { } index ? file.Entity(index) : null;

    /// <summary>
    /// The attributes' bytes where the loader mapped the metadata; where an assembly exposes no raw
    /// metadata (Native AOT), the attribute objects, re-encoded once.
    /// </summary>
    private static List<(string, string, ReadOnlyMemory<byte>)> ReadRecordData(Assembly assembly)
    {
        var files = new List<(string, string, ReadOnlyMemory<byte>)>();
        unsafe
        {
            if (assembly.TryGetRawMetadata(out var metadata, out var length))
            {
                var reader = new MetadataReader(metadata, length);
                foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
                {
                    var attribute = reader.GetCustomAttribute(handle);
                    if (!IsRecordData(reader, attribute.Constructor))
                    {
                        continue;
                    }

                    var value = reader.GetBlobReader(attribute.Value);
                    value.ReadUInt16();
                    var className = value.ReadSerializedString()!;
                    var path = value.ReadSerializedString()!;
                    var size = value.ReadCompressedInteger();
                    files.Add((className, path, new MetadataMemory(value.CurrentPointer, size).Memory));
                }

                return files;
            }
        }

        foreach (var attribute in assembly.GetCustomAttributes<RecordDataAttribute>())
        {
            files.Add((attribute.ClassName, attribute.Path, Encoding.UTF8.GetBytes(attribute.Records)));
        }

        return files;
    }

    private static bool IsRecordData(MetadataReader reader, EntityHandle constructor)
    {
        var type = constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => IsRecordData(reader, reader.GetTypeReference((TypeReferenceHandle)type).Namespace, reader.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => IsRecordData(reader, reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, reader.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => false,
        };
    }

    private static bool IsRecordData(MetadataReader reader, StringHandle @namespace, StringHandle name) =>
        reader.StringComparer.Equals(name, nameof(RecordDataAttribute)) && reader.StringComparer.Equals(@namespace, typeof(RecordDataAttribute).Namespace!);

    /// <summary>Bytes in the assembly's mapped image, which lives as long as the assembly and so as this store.</summary>
    private sealed unsafe class MetadataMemory(byte* pointer, int length) : MemoryManager<byte>
    {
        public override Span<byte> GetSpan() => new(pointer, length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(pointer + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}

/// <summary>A reference not yet followed: an id in a named file, or the index of a record of the same file.</summary>
internal sealed class Deferred
{
    private readonly RecordStore? store;
    private readonly ReferenceTarget target;
    private readonly RecordFile? file;
    private readonly int index;

    public Deferred(RecordStore store, ReferenceTarget target)
    {
        this.store = store;
        this.target = target;
    }

    public Deferred(RecordFile file, int index)
    {
        this.file = file;
        this.index = index;
    }

    public object? Resolve() => file is not null ? file.Entity(index) : store!.Resolve(target.ClassName, target.Id);
}

/// <summary>A list of references not yet followed: ids in named files, or indices of records of one file.</summary>
internal sealed class DeferredList
{
    private readonly RecordStore? store;
    private readonly ReferenceTarget[]? targets;
    private readonly RecordFile? file;
    private readonly int[]? indices;

    public DeferredList(RecordStore store, ReferenceTarget[] targets)
    {
        this.store = store;
        this.targets = targets;
    }

    public DeferredList(RecordFile file, int[] indices)
    {
        this.file = file;
        this.indices = indices;
    }

    public IReadOnlyList<T> Resolve<T>()
        where T : class
    {
        var items = new List<T>(targets?.Length ?? indices!.Length);
        if (targets is not null)
        {
            foreach (var target in targets)
            {
                if (store!.Resolve(target.ClassName, target.Id) is T item)
                {
                    items.Add(item);
                }
            }
        }
        else
        {
            foreach (var i in indices!)
            {
                items.Add((T)(object)file!.Entity(i));
            }
        }

        return items;
    }
}

/// <summary>Where a reference points: the target's id and the generated class of the file that declares it (null when that file has no class, STMT1012).</summary>
internal readonly record struct ReferenceTarget(string? ClassName, string Id);
